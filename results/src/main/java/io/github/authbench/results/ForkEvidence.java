package io.github.authbench.results;

import java.util.List;

/**
 * What the forks of one benchmark say about its change, on the log scale (a fork is the unit that varies: each JVM
 * draws its own JIT and memory layout, and its iterations share that draw, so they are not independent samples of the
 * code).
 *
 * @param estimate       ln(candidate / baseline): the mean of the pairs' log ratios (of a pair's iterations measured
 *                       in turn, their median; otherwise the forks' medians'), or the difference of the sides' mean
 *                       log fork medians
 * @param sumOfSquares   the squared deviations of the pairs (or of each side's forks) from their mean
 * @param degreesOfFreedom what {@code sumOfSquares} is spread over: pairs - 1, or forks - 2
 * @param varianceFactor the estimate's variance per unit of a fork's (or a pair's) variance: 1/n for n pairs,
 *                       1/n_a + 1/n_b for separate runs
 * @param pairVarianceFloor in turns, the least a pair's variance can be: the variance of the median of its
 *                       iterations' changes, from how they scatter (pi/2 times their robust variance over their
 *                       number), averaged over the pairs. Two pairs that agree by chance say little when each
 *                       pair's iterations scatter by tens of percent (a fork still compiling); this keeps their
 *                       interval as wide as those iterations make it. 0 otherwise.
 */
record ForkEvidence(double estimate, double sumOfSquares, int degreesOfFreedom, double varianceFactor,
        double pairVarianceFloor) {

    static ForkEvidence of(ComparisonDesign design, Metric baseline, Metric candidate, boolean singleShot) {
        if (design == ComparisonDesign.TURNS && !singleShot) {
            List<double[]> a = baseline.samplesPerFork();
            List<double[]> b = candidate.samplesPerFork();
            double[] differences = new double[Math.min(a.size(), b.size())];
            double floor = 0;
            for (int i = 0; i < differences.length; i++) {
                double[] ratios = logRatios(a.get(i), b.get(i));
                differences[i] = MedianInterval.of(ratios).median();
                double spread = RunNoise.robustSpread(ratios, differences[i]);
                floor += Math.PI / 2 * spread * spread / ratios.length / differences.length;
            }
            return paired(differences, floor);
        }
        double[] a = logs(baseline.forkMedians());
        double[] b = logs(candidate.forkMedians());
        if (design.paired()) {
            double[] differences = new double[Math.min(a.length, b.length)];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = b[i] - a[i];
            }
            return paired(differences, 0);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        return new ForkEvidence(meanB - meanA, squares(a, meanA) + squares(b, meanB), a.length + b.length - 2,
                1.0 / a.length + 1.0 / b.length, 0);
    }

    private static ForkEvidence paired(double[] differences, double pairVarianceFloor) {
        double mean = mean(differences);
        return new ForkEvidence(mean, squares(differences, mean), differences.length - 1, 1.0 / differences.length,
                pairVarianceFloor);
    }

    /** ln(b_i / a_i) over the iterations both forks have, the i-th of each measured in turn. */
    private static double[] logRatios(double[] a, double[] b) {
        double[] ratios = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = Math.log(b[i] / a[i]);
        }
        return ratios;
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double squares(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }
}

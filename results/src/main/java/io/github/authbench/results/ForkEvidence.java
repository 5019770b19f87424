package io.github.authbench.results;

/**
 * What the forks of one benchmark say about its change, on the log scale of the forks' medians (a fork is the unit
 * that varies: each JVM draws its own JIT and memory layout, and its iterations share that draw, so they are not
 * independent samples of the code).
 *
 * @param estimate       ln(candidate / baseline): the mean of the pairs' log ratios, or the difference of the sides'
 *                       mean log fork medians
 * @param sumOfSquares   the squared deviations of the pairs (or of each side's forks) from their mean
 * @param degreesOfFreedom what {@code sumOfSquares} is spread over: pairs - 1, or forks - 2
 * @param varianceFactor the estimate's variance per unit of a fork's (or a pair's) variance: 1/n for n pairs,
 *                       1/n_a + 1/n_b for separate runs
 */
record ForkEvidence(double estimate, double sumOfSquares, int degreesOfFreedom, double varianceFactor) {

    static ForkEvidence of(ComparisonDesign design, Metric baseline, Metric candidate) {
        double[] a = logs(baseline.forkMedians());
        double[] b = logs(candidate.forkMedians());
        if (design == ComparisonDesign.INTERLEAVED) {
            int n = Math.min(a.length, b.length);
            double[] differences = new double[n];
            for (int i = 0; i < n; i++) {
                differences[i] = b[i] - a[i];
            }
            double mean = mean(differences);
            return new ForkEvidence(mean, squares(differences, mean), n - 1, 1.0 / n);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        return new ForkEvidence(meanB - meanA, squares(a, meanA) + squares(b, meanB), a.length + b.length - 2,
                1.0 / a.length + 1.0 / b.length);
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

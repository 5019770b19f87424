package io.github.authbench.results;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How much the forks of one kind of benchmark (timed over many calls, or shots timed one by one) scatter in a comparison, and so
 * how wide each change's interval is.
 *
 * <p>A benchmark has few forks (two pairs in an {@code ab} of the ci profile), too few to know its own scatter, while
 * the benchmarks of a kind share most of theirs (the machine, the JIT, the collector). So each benchmark's variance is
 * its own shrunk toward the kind's, as limma's moderated t does (Smyth 2004): the kind's variance counts as
 * {@link #PRIOR_DF} degrees of freedom of evidence, the benchmark's own forks as theirs, and the interval uses a
 * Student t with their sum. The kind's variance is robust (the median of the benchmarks' variances, each scaled by the
 * median of its chi-squared distribution), so one benchmark with a wild fork does not widen every other's interval.
 * Separate runs add the drift between them: the robust spread of all the kind's changes around no change, beyond what
 * their forks explain (DerSimonian and Laird's between-study variance, with medians).
 *
 * @param variance      a fork's (interleaved: a pair's) variance on the log scale, typical of the kind; NaN when no
 *                      benchmark has two forks a side (or two pairs) to show it
 * @param degreesOfFreedom the degrees of freedom behind {@code variance}, summed over the kind's benchmarks
 * @param drift         the variance separate runs add to every change; 0 for interleaved pairs
 * @param alpha         one minus the intervals' confidence
 */
public record ForkNoise(double variance, int degreesOfFreedom, double drift, double alpha) {

    /** How many degrees of freedom of evidence the kind's variance is worth in one benchmark's. */
    static final int PRIOR_DF = 4;

    /** Fewer benchmarks than this and their spread says nothing about drift between runs: none is added. */
    static final int MIN_BENCHMARKS_FOR_DRIFT = 8;

    static ForkNoise of(ComparisonDesign design, List<ForkEvidence> kind, double alpha) {
        double[] scaled = kind.stream().filter(e -> e.degreesOfFreedom() > 0).mapToDouble(e -> e.sumOfSquares()
                / e.degreesOfFreedom() / chiSquaredMedianPerDf(e.degreesOfFreedom())).toArray();
        int degrees = kind.stream().mapToInt(ForkEvidence::degreesOfFreedom).sum();
        if (scaled.length == 0) {
            return new ForkNoise(Double.NaN, 0, 0, alpha);
        }
        ForkNoise withoutDrift = new ForkNoise(MedianInterval.of(scaled).median(), degrees, 0, alpha);
        if (design.paired() || kind.size() < MIN_BENCHMARKS_FOR_DRIFT) {
            return withoutDrift;
        }
        double[] estimates = kind.stream().mapToDouble(ForkEvidence::estimate).toArray();
        double[] explained = kind.stream().mapToDouble(withoutDrift::estimateVariance).toArray();
        double spread = RunNoise.robustSpread(estimates, 0);
        double drift = Math.max(0, spread * spread - MedianInterval.of(explained).median());
        return new ForkNoise(withoutDrift.variance, degrees, drift, alpha);
    }

    /** Whether any benchmark of the kind had the forks to show its scatter; without, no interval exists. */
    boolean known() {
        return degreesOfFreedom > 0;
    }

    /** Half the width of the change's interval on the log scale: t times its standard error. */
    double halfWidth(ForkEvidence evidence) {
        int degrees = Math.min(PRIOR_DF, degreesOfFreedom) + evidence.degreesOfFreedom();
        double t = new TDistribution(null, degrees).inverseCumulativeProbability(1 - alpha / 2);
        return t * Math.sqrt(estimateVariance(evidence) + drift);
    }

    /**
     * The variance of the estimate from the forks alone: the benchmark's own, shrunk toward the kind's, but never
     * below what its own iterations' scatter puts into each pair ({@link ForkEvidence#pairVarianceFloor}).
     */
    private double estimateVariance(ForkEvidence evidence) {
        int prior = Math.min(PRIOR_DF, degreesOfFreedom);
        double moderated = (prior * variance + evidence.sumOfSquares()) / (prior + evidence.degreesOfFreedom());
        return evidence.varianceFactor() * Math.max(moderated, evidence.pairVarianceFloor());
    }

    /** The median of a chi-squared variable divided by its degrees of freedom (0.455 for one). */
    private static double chiSquaredMedianPerDf(int degrees) {
        return new ChiSquaredDistribution(null, degrees).inverseCumulativeProbability(0.5) / degrees;
    }
}

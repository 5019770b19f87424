package io.github.authbench.results;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of a sample and a distribution-free confidence interval for it, from order statistics (the method
 * benchstat uses): the k-th smallest and k-th largest sample bound the median with probability
 * {@code 1 - 2 P(Binomial(n, 1/2) < k)}. Nothing is assumed about the shape of the distribution, which for benchmark
 * samples is skewed and often bimodal.
 *
 * @param confidence the coverage actually reached: below the asked level when there are too few samples (fewer than 6
 *                   for 95%), in which case the interval is the whole range
 */
public record MedianInterval(int n, double median, double low, double high, double confidence) {

    public static final double LEVEL = 0.95;

    public static MedianInterval of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        BinomialDistribution halves = new BinomialDistribution(null, n, 0.5);
        // Widen from the middle outward until coverage reaches the level; k is the 1-based rank of the lower bound.
        int k = 1;
        double coverage = 1 - 2 * halves.cumulativeProbability(0);
        for (int candidate = n / 2; candidate >= 1; candidate--) {
            double candidateCoverage = 1 - 2 * halves.cumulativeProbability(candidate - 1);
            if (candidateCoverage >= LEVEL) {
                k = candidate;
                coverage = candidateCoverage;
                break;
            }
        }
        return new MedianInterval(n, median, sorted[k - 1], sorted[n - k], coverage);
    }

    /** Half the interval's width relative to the median: the "+-x%" a table shows. */
    public double relativeHalfWidth() {
        return (high - low) / 2 / Math.abs(median);
    }
}

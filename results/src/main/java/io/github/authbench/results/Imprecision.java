package io.github.authbench.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Why a timed score's 99.9% error is over its target, read from its raw iterations. Each cause is tested by taking it
 * out of the samples and computing JMH's error again (a two-sided Student t interval of the mean): the cause is the
 * first whose removal brings the error within the target. So "forks disagree" means the error is within the target
 * once every fork is centred on the common mean, and so on; when no single removal is enough, the iterations are
 * spread throughout.
 */
public enum Imprecision {

    FORKS_DISAGREE("bimodal forks", "each fork settled at its own level (a JVM's JIT outcome); more forks help, "
            + "longer ones do not"),
    WARM_UP_DRIFT("warm-up drift", "the score still moved during the measured iterations; a longer warm-up helps"),
    GC("GC", "the outlying iterations had a garbage collection in them"),
    OUTLIERS("outliers", "a few iterations far off the rest (a GC pause, or the host taking the CPU)"),
    SPREAD("spread", "the iterations vary widely throughout (on a shared host, its share of the CPU varies)");

    private static final double CONFIDENCE = 0.999;
    /** Iterations further than this many robust standard deviations from the fork's median are outliers. */
    private static final double OUTLIER_SPREADS = 3;

    private final String label;
    private final String explanation;

    Imprecision(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** The cause in a word or two, for a table cell. */
    public String label() {
        return label;
    }

    /** The cause with what it means and what helps. */
    public String explanation() {
        return label + ": " + explanation;
    }

    /**
     * The cause of the score's imprecision; empty when it is within {@code target} or has too few samples to say.
     *
     * @param gcCounts the {@code gc.count} secondary metric of a run with {@code -prof gc} (its iterations line up
     *     with the score's), null without it
     */
    public static Optional<Imprecision> of(Metric score, double target, Metric gcCounts) {
        List<double[]> forks = score.samplesPerFork();
        if (!(score.relativeError() > target) || forks.stream().mapToInt(fork -> fork.length).sum() < 3) {
            return Optional.empty();
        }
        if (forks.size() > 1 && within(centred(forks), target)) {
            return Optional.of(FORKS_DISAGREE);
        }
        if (within(detrended(forks), target)) {
            return Optional.of(WARM_UP_DRIFT);
        }
        List<double[]> kept = new ArrayList<>();
        boolean[][] outlying = outliers(forks, kept);
        if (within(kept, target)) {
            return Optional.of(gcCounts != null && outliersHadGc(outlying, gcCounts) ? GC : OUTLIERS);
        }
        return Optional.of(SPREAD);
    }

    /** JMH's 99.9% error of the mean of these samples, as a share of the mean, within {@code target}. */
    static boolean within(List<double[]> forks, double target) {
        double[] all = forks.stream().flatMapToDouble(Arrays::stream).toArray();
        if (all.length < 2) {
            return false;
        }
        double mean = Arrays.stream(all).average().orElseThrow();
        double variance = Arrays.stream(all).map(x -> (x - mean) * (x - mean)).sum() / (all.length - 1);
        double t = new TDistribution(all.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * Math.sqrt(variance / all.length) <= target * Math.abs(mean);
    }

    /** Every fork moved onto the mean of all samples. */
    private static List<double[]> centred(List<double[]> forks) {
        double mean = forks.stream().flatMapToDouble(Arrays::stream).average().orElseThrow();
        return forks.stream().map(fork -> {
            double forkMean = Arrays.stream(fork).average().orElseThrow();
            return Arrays.stream(fork).map(x -> x - forkMean + mean).toArray();
        }).toList();
    }

    /** Every fork without its least-squares line over the iterations, around its own mean. */
    private static List<double[]> detrended(List<double[]> forks) {
        return forks.stream().map(fork -> {
            int n = fork.length;
            double meanX = (n - 1) / 2.0;
            double meanY = Arrays.stream(fork).average().orElseThrow();
            double covariance = 0;
            double varianceX = 0;
            for (int i = 0; i < n; i++) {
                covariance += (i - meanX) * (fork[i] - meanY);
                varianceX += (i - meanX) * (i - meanX);
            }
            double slope = varianceX == 0 ? 0 : covariance / varianceX;
            double[] flat = new double[n];
            for (int i = 0; i < n; i++) {
                flat[i] = fork[i] - slope * (i - meanX);
            }
            return flat;
        }).toList();
    }

    /** Marks the iterations far from their fork's median; {@code kept} receives each fork's others. */
    private static boolean[][] outliers(List<double[]> forks, List<double[]> kept) {
        boolean[][] outlying = new boolean[forks.size()][];
        for (int f = 0; f < forks.size(); f++) {
            double[] fork = forks.get(f);
            double median = MedianInterval.of(fork).median();
            double spread = RunNoise.robustSpread(fork, median);
            outlying[f] = new boolean[fork.length];
            List<Double> rest = new ArrayList<>();
            for (int i = 0; i < fork.length; i++) {
                outlying[f][i] = Math.abs(fork[i] - median) > OUTLIER_SPREADS * spread;
                if (!outlying[f][i]) {
                    rest.add(fork[i]);
                }
            }
            kept.add(rest.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return outlying;
    }

    /** More of the outlying iterations had a collection than of the others. */
    private static boolean outliersHadGc(boolean[][] outlying, Metric gcCounts) {
        int[] outliers = new int[2];
        int[] others = new int[2];
        for (int f = 0; f < outlying.length && f < gcCounts.samplesPerFork().size(); f++) {
            double[] counts = gcCounts.samplesPerFork().get(f);
            for (int i = 0; i < outlying[f].length && i < counts.length; i++) {
                int[] group = outlying[f][i] ? outliers : others;
                group[0]++;
                group[1] += counts[i] > 0 ? 1 : 0;
            }
        }
        return outliers[0] > 0 && (double) outliers[1] / outliers[0] > (others[0] == 0 ? 0 : (double) others[1] / others[0]);
    }
}

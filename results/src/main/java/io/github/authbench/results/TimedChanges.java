package io.github.authbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Each timed benchmark of two runs, on its own: medians with 95% intervals of the raw per-iteration samples, the
 * Mann-Whitney U test, the fork gap, and the verdict those give before the runs' noise is weighed ({@link GatePolicy}).
 */
final class TimedChanges {

    /** Fewer samples than this per side and the U test's normal approximation means nothing: the verdict is {@code ~}. */
    static final int MIN_SAMPLES = 3;

    private TimedChanges() {
    }

    /** One change per benchmark in either run; a benchmark on one side only is listed as such, never dropped. */
    static List<TimedChange> between(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        Map<String, BenchmarkResult> before = baseline.benchmarksByKey();
        Map<String, BenchmarkResult> after = candidate.benchmarksByKey();
        List<TimedChange> changes = new ArrayList<>();
        before.forEach((key, result) -> changes.add(after.containsKey(key)
                ? change(key, result.singleShot(), result.primary(), after.get(key).primary(), settings)
                : new TimedChange(key, result.primary().unit(), result.singleShot(),
                        MedianInterval.of(result.primary().samples()), null, null, null, null,
                        Verdict.ONLY_IN_BASELINE)));
        after.forEach((key, result) -> {
            if (!before.containsKey(key)) {
                changes.add(new TimedChange(key, result.primary().unit(), result.singleShot(), null,
                        MedianInterval.of(result.primary().samples()), null, null, null, Verdict.ONLY_IN_CANDIDATE));
            }
        });
        return changes;
    }

    static TimedChange change(String key, boolean singleShot, Metric baseline, Metric candidate,
            CompareSettings settings) {
        double[] x = baseline.samples();
        double[] y = candidate.samples();
        MedianInterval a = MedianInterval.of(x);
        MedianInterval b = MedianInterval.of(y);
        double change = (b.median() - a.median()) / a.median();
        Double forkGap = forkGap(baseline, candidate);
        Double p = x.length >= MIN_SAMPLES && y.length >= MIN_SAMPLES
                ? new MannWhitneyUTest().mannWhitneyUTest(x, y) : null;
        Verdict verdict = p == null || !(p < settings.alpha()) ? Verdict.SAME
                : significantVerdict(baseline.direction().worsening(a.median(), b.median()), forkGap,
                        settings.thresholdPercent() / 100);
        return new TimedChange(key, baseline.unit(), singleShot, a, b, change * 100, p,
                forkGap == null ? null : forkGap * 100, verdict);
    }

    /**
     * A significant change: better, worse within the threshold, or beyond it; beyond it only if the fork gap is too
     * (with one fork on a side there is no gap, and {@link GatePolicy} decides what such a change is).
     */
    private static Verdict significantVerdict(double worsening, Double forkGap, double threshold) {
        if (worsening <= 0) {
            return Verdict.BETTER;
        }
        if (worsening <= threshold) {
            return Verdict.WORSE;
        }
        return forkGap == null || forkGap > threshold ? Verdict.REGRESSED : Verdict.WITHIN_NOISE;
    }

    /**
     * The worsening from the baseline's worst fork to the candidate's best fork, by fork medians. Each fork is a new
     * JVM with its own JIT decisions and memory layout, and forks of the same code differ by more than their
     * iterations suggest; iterations pooled over forks cannot show that, a fork-by-fork comparison can. Null when a
     * side has a single fork: one pair of forks is no evidence beyond the medians themselves.
     */
    static Double forkGap(Metric baseline, Metric candidate) {
        if (baseline.samplesPerFork().size() < 2 || candidate.samplesPerFork().size() < 2) {
            return null;
        }
        Direction direction = baseline.direction();
        double[] after = candidate.forkMedians();
        double smallest = Double.POSITIVE_INFINITY;
        for (double before : baseline.forkMedians()) {
            for (double candidateFork : after) {
                smallest = Math.min(smallest, direction.worsening(before, candidateFork));
            }
        }
        return smallest;
    }
}

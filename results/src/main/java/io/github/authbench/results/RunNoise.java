package io.github.authbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * How much benchmarks move with no change at all, as robust standard deviations (1.4826 times the median absolute
 * deviation) of log ratios: between two runs, over all their benchmarks, and between the forks of one benchmark within
 * a run. The gate holds every change against these (README, "Comparing two runs").
 */
final class RunNoise {

    /** Fewer benchmarks (or fork pairs) than this and their spread is no estimate: 0, and only the threshold applies. */
    static final int MIN_BENCHMARKS_FOR_NOISE = 8;

    private RunNoise() {
    }

    /** Robust spread of the direction-adjusted log changes of these benchmarks, where tested in both runs. */
    static double between(List<TimedChange> timed) {
        double[] changes = timed.stream().filter(change -> change.pValue() != null)
                .mapToDouble(TimedChange::logWorsening).toArray();
        if (changes.length < MIN_BENCHMARKS_FOR_NOISE) {
            return 0;
        }
        return robustSpread(changes, MedianInterval.of(changes).median());
    }

    /**
     * Robust spread of the log ratios between the fork medians of one benchmark within one run, over every pair of
     * forks of every benchmark of this kind in both runs (centred on 0: which fork comes first is chance); 0 with too
     * few pairs to estimate it, as with one fork per run.
     */
    static double betweenForks(RunDirectory baseline, RunDirectory candidate, boolean singleShots) {
        List<Double> ratios = new ArrayList<>();
        for (RunDirectory run : List.of(baseline, candidate)) {
            for (BenchmarkResult result : run.benchmarks()) {
                if (result.singleShot() != singleShots) {
                    continue;
                }
                double[] medians = result.primary().forkMedians();
                for (int i = 0; i < medians.length; i++) {
                    for (int j = i + 1; j < medians.length; j++) {
                        ratios.add(Math.log(medians[j] / medians[i]));
                    }
                }
            }
        }
        if (ratios.size() < MIN_BENCHMARKS_FOR_NOISE) {
            return 0;
        }
        return robustSpread(ratios.stream().mapToDouble(Double::doubleValue).toArray(), 0);
    }

    /** 1.4826 times the median absolute deviation from {@code centre}: a standard deviation that outliers do not move. */
    static double robustSpread(double[] values, double centre) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - centre);
        }
        return 1.4826 * MedianInterval.of(deviations).median();
    }
}

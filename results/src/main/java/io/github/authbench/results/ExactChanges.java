package io.github.authbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exact measurements of two runs (bytes, store calls, windows, allocation), each compared within its tolerance. */
final class ExactChanges {

    /** Allocation per operation, JMH's name for it under {@code -prof gc}. */
    static final String ALLOCATION = "gc.alloc.rate.norm";

    private ExactChanges() {
    }

    static List<ExactChange> between(RunDirectory baseline, RunDirectory candidate) {
        List<ExactChange> changes = new ArrayList<>();
        Map<String, ExactMeasurement> after = new LinkedHashMap<>();
        candidate.exact().forEach(m -> after.put(key(m), m));
        for (ExactMeasurement before : baseline.exact()) {
            ExactMeasurement now = after.remove(key(before));
            for (ExactMetric metric : ExactMetric.values()) {
                Double a = metric.of(before);
                Double b = now == null ? null : metric.of(now);
                if (a != null || b != null) {
                    changes.add(change(key(before) + " " + metric.label, metric.unit, a, b, metric.tolerancePercent));
                }
            }
        }
        after.forEach((key, now) -> changes.add(new ExactChange(key, "", null, null, 0, Verdict.ONLY_IN_CANDIDATE)));
        Map<String, BenchmarkResult> allocatedAfter = candidate.benchmarksByKey();
        for (BenchmarkResult before : baseline.benchmarks()) {
            BenchmarkResult now = allocatedAfter.get(before.key());
            Metric a = before.secondary().get(ALLOCATION);
            Metric b = now == null ? null : now.secondary().get(ALLOCATION);
            if (a != null || b != null) {
                changes.add(change(before.key() + " allocation", "B/op", a == null ? null : a.score(),
                        b == null ? null : b.score(), ExactMetric.ALLOCATION_TOLERANCE_PERCENT));
            }
        }
        return changes;
    }

    private static ExactChange change(String name, String unit, Double a, Double b, double tolerance) {
        Verdict verdict = a == null ? Verdict.ONLY_IN_CANDIDATE : b == null ? Verdict.ONLY_IN_BASELINE
                : ExactMetric.verdict(a, b, tolerance);
        return new ExactChange(name, unit, a, b, tolerance, verdict);
    }

    private static String key(ExactMeasurement m) {
        return m.strategy() + " " + m.algorithm() + " " + m.payload() + " " + m.store();
    }
}

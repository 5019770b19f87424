package io.github.authbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each timed benchmark of two runs: the change its forks show, with an interval ({@link ForkEvidence},
 * {@link ForkNoise}), and the verdict. A worsening fails the gate when its interval excludes no change and its estimate
 * is worse than the threshold; a benchmark on one side only is listed as such, never dropped.
 */
final class TimedChanges {

    /** The changes, and the noise each kind of benchmark was held against. */
    record Result(List<TimedChange> changes, ForkNoise noise, ForkNoise shotNoise, List<Double> halfWidths,
            List<Double> shotHalfWidths) {
    }

    private TimedChanges() {
    }

    static Result between(RunDirectory baseline, RunDirectory candidate, CompareSettings settings,
            ComparisonDesign design) {
        Map<String, BenchmarkResult> before = baseline.benchmarksByKey();
        Map<String, BenchmarkResult> after = candidate.benchmarksByKey();
        Map<String, ForkEvidence> evidence = new LinkedHashMap<>();
        before.forEach((key, result) -> {
            if (after.containsKey(key)) {
                evidence.put(key, ForkEvidence.of(design, result.primary(), after.get(key).primary(),
                        result.singleShot()));
            }
        });
        ForkNoise noise = ForkNoise.of(design, kind(evidence, before, false), settings.alpha());
        ForkNoise shotNoise = ForkNoise.of(design, kind(evidence, before, true), settings.alpha());
        List<TimedChange> changes = new ArrayList<>();
        List<Double> halfWidths = new ArrayList<>();
        List<Double> shotHalfWidths = new ArrayList<>();
        before.forEach((key, result) -> {
            if (!after.containsKey(key)) {
                changes.add(new TimedChange(key, result.primary().unit(), result.singleShot(),
                        MedianInterval.of(result.primary().samples()), null, null, null, null,
                        Verdict.ONLY_IN_BASELINE));
                return;
            }
            ForkNoise held = result.singleShot() ? shotNoise : noise;
            Double halfWidth = held.known() ? held.halfWidth(evidence.get(key)) : null;
            if (halfWidth != null) {
                (result.singleShot() ? shotHalfWidths : halfWidths).add(halfWidth);
            }
            changes.add(change(key, result.singleShot(), result.primary(), after.get(key).primary(),
                    evidence.get(key).estimate(), halfWidth, settings));
        });
        after.forEach((key, result) -> {
            if (!before.containsKey(key)) {
                changes.add(new TimedChange(key, result.primary().unit(), result.singleShot(), null,
                        MedianInterval.of(result.primary().samples()), null, null, null, Verdict.ONLY_IN_CANDIDATE));
            }
        });
        return new Result(changes, noise, shotNoise, halfWidths, shotHalfWidths);
    }

    /**
     * The change of one benchmark and its verdict.
     *
     * @param estimate  ln(candidate / baseline) from the forks ({@link ForkEvidence})
     * @param halfWidth half the width of its interval on the log scale ({@link ForkNoise#halfWidth}); null when no
     *                  fork scatter is known (one fork a side): no interval
     */
    static TimedChange change(String key, boolean singleShot, Metric baseline, Metric candidate, double estimate,
            Double halfWidth, CompareSettings settings) {
        MedianInterval a = MedianInterval.of(baseline.samples());
        MedianInterval b = MedianInterval.of(candidate.samples());
        Direction direction = baseline.direction();
        double worsening = direction.worsening(1, Math.exp(estimate));
        if (halfWidth == null) {
            Verdict verdict = worsening > settings.thresholdPercent() / 100 ? Verdict.UNCONFIRMED : Verdict.SAME;
            return new TimedChange(key, baseline.unit(), singleShot, a, b, percent(estimate), null, null, verdict);
        }
        double low = estimate - halfWidth;
        double high = estimate + halfWidth;
        boolean worse = direction == Direction.LOWER_IS_BETTER ? low > 0 : high < 0;
        boolean better = direction == Direction.LOWER_IS_BETTER ? high < 0 : low > 0;
        Verdict verdict = worse ? (worsening > settings.thresholdPercent() / 100 ? Verdict.REGRESSED : Verdict.WORSE)
                : better ? Verdict.BETTER : Verdict.SAME;
        return new TimedChange(key, baseline.unit(), singleShot, a, b, percent(estimate), percent(low), percent(high),
                verdict);
    }

    private static List<ForkEvidence> kind(Map<String, ForkEvidence> evidence, Map<String, BenchmarkResult> results,
            boolean singleShots) {
        return evidence.entrySet().stream().filter(e -> results.get(e.getKey()).singleShot() == singleShots)
                .map(Map.Entry::getValue).toList();
    }

    private static double percent(double logRatio) {
        return Math.expm1(logRatio) * 100;
    }
}

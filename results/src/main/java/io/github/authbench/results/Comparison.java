package io.github.authbench.results;

import java.util.List;

/**
 * A candidate run against a baseline run, benchmark by benchmark: the regression gate. Timed benchmarks are decided
 * on their forks ({@link TimedChanges}): a change's interval comes from how the forks scatter, paired by position when
 * {@code ./authbench ab} interleaved them ({@link ComparisonDesign}); a worsening fails when its interval excludes no
 * change and its estimate is beyond the threshold. Counted quantities are compared exactly within their tolerance. A
 * benchmark present on one side only is listed as such, never dropped. The README's "Comparing two runs" explains the
 * policy; the evidence behind it is in {@code docs/measurements.md}.
 *
 * @param noise     how the forks of benchmarks timed over many calls scatter in these runs
 * @param shotNoise the same for shots, which are held against their own kind
 * @param smallestFailingChange the worsening (a fraction) a benchmark of typical scatter needs to fail here: the
 *                  threshold, or the median half-width of the intervals if wider; NaN when no interval exists
 * @param smallestFailingShotChange the same for shots
 */
public record Comparison(RunDirectory baseline, RunDirectory candidate, CompareSettings settings,
        ComparisonDesign design, List<String> machineDifferences, ForkNoise noise, ForkNoise shotNoise,
        double smallestFailingChange, double smallestFailingShotChange, List<TimedChange> timed,
        List<ExactChange> exact) {

    public static Comparison of(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        List<String> machine = RunsComparable.check(baseline, candidate, settings);
        ComparisonDesign design = ComparisonDesign.of(baseline.manifest(), candidate.manifest());
        TimedChanges.Result timed = TimedChanges.between(baseline, candidate, settings, design);
        return new Comparison(baseline, candidate, settings, design, machine, timed.noise(), timed.shotNoise(),
                smallest(settings, timed.halfWidths()), smallest(settings, timed.shotHalfWidths()), timed.changes(),
                ExactChanges.between(baseline, candidate));
    }

    private static double smallest(CompareSettings settings, List<Double> halfWidths) {
        if (halfWidths.isEmpty()) {
            return Double.NaN;
        }
        double typical = MedianInterval.of(halfWidths.stream().mapToDouble(Double::doubleValue).toArray()).median();
        return Math.max(settings.thresholdPercent() / 100, Math.expm1(typical));
    }

    /** True when the gate fails: something regressed beyond the threshold with significance, or beyond tolerance. */
    public boolean regressed() {
        return timed.stream().anyMatch(change -> change.verdict().failsGate())
                || exact.stream().anyMatch(change -> change.verdict().failsGate());
    }

    public long count(Verdict verdict) {
        return timed.stream().filter(change -> change.verdict() == verdict).count()
                + exact.stream().filter(change -> change.verdict() == verdict).count();
    }
}

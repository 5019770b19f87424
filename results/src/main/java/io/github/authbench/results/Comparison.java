package io.github.authbench.results;

import java.util.List;

/**
 * A candidate run against a baseline run, benchmark by benchmark: the regression gate. Timed benchmarks are tested on
 * their raw per-iteration samples (medians, 95% intervals, Mann-Whitney U); counted quantities are compared exactly
 * within their tolerance. A benchmark present on one side only is listed as such, never dropped.
 *
 * <p>The policy, and why it is what it is, is the README's "Comparing two runs" section; in short: a significant
 * change beyond the threshold fails only if it also exceeds {@link GatePolicy#NOISE_MULTIPLE} times the runs' noise
 * (the robust spread of all benchmarks' log changes, never below the fork-to-fork spread within a run, single shots
 * held against their own), and with several forks it must hold between every pair of forks; with one fork it is
 * {@link Verdict#UNCONFIRMED}. The parts: {@link RunsComparable}, {@link TimedChanges} and {@link ExactChanges},
 * {@link RunNoise}, {@link GatePolicy}.
 *
 * @param noise     robust standard deviation of the log changes of the benchmarks timed over many calls, between the
 *                  runs or between forks within a run, whichever is larger; 0 with too few benchmarks to estimate it
 * @param shotNoise the same for single shots (between the runs, that of all benchmarks when there are too few shots)
 */
public record Comparison(RunDirectory baseline, RunDirectory candidate, CompareSettings settings,
        List<String> machineDifferences, double noise, double shotNoise, List<TimedChange> timed,
        List<ExactChange> exact) {

    public static Comparison of(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        List<String> machine = RunsComparable.check(baseline, candidate, settings);
        List<TimedChange> timed = TimedChanges.between(baseline, candidate, settings);
        double all = RunNoise.between(timed);
        List<TimedChange> manyCalls = timed.stream().filter(change -> !change.singleShot()).toList();
        List<TimedChange> singleShots = timed.stream().filter(TimedChange::singleShot).toList();
        double noise = Math.max(orElse(RunNoise.between(manyCalls), all), RunNoise.betweenForks(baseline, candidate, false));
        double shotNoise = Math.max(orElse(RunNoise.between(singleShots), all),
                RunNoise.betweenForks(baseline, candidate, true));
        return new Comparison(baseline, candidate, settings, machine, noise, shotNoise,
                GatePolicy.beyondNoise(timed, noise, shotNoise), ExactChanges.between(baseline, candidate));
    }

    private static double orElse(double noise, double fallback) {
        return noise == 0 ? fallback : noise;
    }

    /** The smallest worsening (a fraction) that can fail the gate between these two runs. */
    public double smallestFailingChange() {
        return GatePolicy.smallestFailingChange(settings, noise);
    }

    /** The same for single shots. */
    public double smallestFailingShotChange() {
        return GatePolicy.smallestFailingChange(settings, shotNoise);
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

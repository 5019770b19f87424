package io.github.authbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * A candidate run against a baseline run, benchmark by benchmark: the regression gate. Timed benchmarks are tested on
 * their raw per-iteration samples (medians, 95% intervals, Mann-Whitney U); counted quantities are compared exactly
 * within their tolerance. A benchmark present on one side only is listed as such, never dropped.
 *
 * <p>Iterations of one fork are not independent of the moment they ran, nor of the fork's JIT and memory layout: on a
 * shared machine two runs of the same code minutes apart differ by much more than their iterations suggest (here, a
 * robust spread of 22-34% between two quick runs, with Mann-Whitney calling a third of the benchmarks "significant").
 * So a significant change beyond the threshold fails the gate only if it also stands out from how much all benchmarks
 * moved between these two runs: more than {@link #NOISE_MULTIPLE} times the robust spread (1.4826 MAD) of their log
 * changes. On a quiet machine the spread is small and the threshold decides; on a noisy one the gate says how large a
 * change it can see. With several forks per run, a regression must also hold fork by fork: the candidate's best fork
 * worse than the baseline's worst by more than the threshold and the noise ({@link TimedChange#forkGapPercent}), so
 * one fork that drew a slow JIT outcome cannot fail the gate alone. A run with one fork per benchmark cannot tell a
 * regression from such a fork: its changes beyond the noise are listed as {@link Verdict#UNCONFIRMED}, and do not
 * fail the gate (between two one-fork quick runs of the same code here, 7 of 90 benchmarks moved by 35-127%, 6 to
 * 14 robust sigmas, with all their iterations apart).
 *
 * <p>The noise is also never below how much forks of one benchmark differ within a run (the robust spread of the log
 * ratios of their medians), since that is what a fork gap can show with no change at all. Single shots (one cold call
 * per iteration: logout, revocation) are held against their own noise: their forks scatter far more than those of
 * benchmarks timed over many calls (here up to 30% between two runs of the same code, both forks apart), and against
 * the noise of all benchmarks, which those dominate, an A/A pair of ci runs failed on a logout (+35%, fork gap +29%).
 *
 * @param noise     robust standard deviation of the log changes of the benchmarks timed over many calls, between the
 *                  runs or between forks within a run, whichever is larger; 0 with too few benchmarks to estimate it
 * @param shotNoise the same for single shots (between the runs, that of all benchmarks when there are too few shots)
 */
public record Comparison(RunDirectory baseline, RunDirectory candidate, CompareSettings settings,
        List<String> machineDifferences, double noise, double shotNoise, List<TimedChange> timed,
        List<ExactChange> exact) {

    /**
     * How far beyond the runs' common spread a change must be: 5 robust standard deviations. Fork-to-fork changes have
     * far heavier tails than a normal distribution: between two clean quick runs on one VM the largest of 84 changes
     * was 3.6 of them, and between two ci runs of the same code on another, access-refresh's refresh moved 2.17x, 4.2
     * of them (noise 20%), which failed an A/A comparison at 4.
     */
    public static final double NOISE_MULTIPLE = 5;

    /** Fewer benchmarks than this in both runs and their spread is no estimate: only the threshold applies. */
    static final int MIN_BENCHMARKS_FOR_NOISE = 8;

    /** Allocation per operation, JMH's name for it under {@code -prof gc}. */
    public static final String ALLOCATION = "gc.alloc.rate.norm";

    /** Fewer samples than this per side and the U test's normal approximation means nothing: the verdict is {@code ~}. */
    static final int MIN_SAMPLES = 3;

    public static Comparison of(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        requireSameSetup(baseline, candidate);
        List<String> machine = machineDifferences(baseline.manifest().environment(), candidate.manifest().environment());
        if (!machine.isEmpty() && !settings.allowOtherMachine()) {
            throw new BadRunException("runs from different machines (" + String.join("; ", machine)
                    + "): their numbers are not comparable; --allow-other-machine compares them anyway");
        }
        List<TimedChange> timed = timed(baseline, candidate, settings);
        double all = noise(timed);
        double noise = Math.max(orElse(noise(timed.stream().filter(change -> !change.singleShot()).toList()), all),
                forkNoise(baseline, candidate, false));
        double shotNoise = Math.max(orElse(noise(timed.stream().filter(TimedChange::singleShot).toList()), all),
                forkNoise(baseline, candidate, true));
        return new Comparison(baseline, candidate, settings, machine, noise, shotNoise,
                beyondNoise(timed, noise, shotNoise), exact(baseline, candidate));
    }

    private static double orElse(double noise, double fallback) {
        return noise == 0 ? fallback : noise;
    }

    /** The smallest worsening (a fraction) that can fail the gate between these two runs. */
    public double smallestFailingChange() {
        return smallestFailingChange(noise);
    }

    /** The same for single shots. */
    public double smallestFailingShotChange() {
        return smallestFailingChange(shotNoise);
    }

    private double smallestFailingChange(double spread) {
        return Math.max(settings.thresholdPercent() / 100, Math.expm1(NOISE_MULTIPLE * spread));
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

    /** Robust spread of the direction-adjusted log changes of these benchmarks, where tested in both runs. */
    static double noise(List<TimedChange> timed) {
        double[] changes = timed.stream().filter(change -> change.pValue() != null)
                .mapToDouble(Comparison::logWorsening).toArray();
        if (changes.length < MIN_BENCHMARKS_FOR_NOISE) {
            return 0;
        }
        double centre = MedianInterval.of(changes).median();
        double[] deviations = new double[changes.length];
        for (int i = 0; i < changes.length; i++) {
            deviations[i] = Math.abs(changes[i] - centre);
        }
        return 1.4826 * MedianInterval.of(deviations).median();
    }

    /**
     * Robust spread of the log ratios between the fork medians of one benchmark within one run, over every pair of
     * forks of every benchmark of this kind in both runs (centred on 0: which fork comes first is chance); 0 with too
     * few pairs to estimate it, as with one fork per run.
     */
    static double forkNoise(RunDirectory baseline, RunDirectory candidate, boolean singleShots) {
        List<Double> ratios = new ArrayList<>();
        for (RunDirectory run : List.of(baseline, candidate)) {
            for (BenchmarkResult result : run.benchmarks()) {
                if (result.singleShot() != singleShots) {
                    continue;
                }
                double[] medians = forkMedians(result.primary());
                for (int i = 0; i < medians.length; i++) {
                    for (int j = i + 1; j < medians.length; j++) {
                        ratios.add(Math.abs(Math.log(medians[j] / medians[i])));
                    }
                }
            }
        }
        if (ratios.size() < MIN_BENCHMARKS_FOR_NOISE) {
            return 0;
        }
        return 1.4826 * MedianInterval.of(ratios.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }

    /**
     * Significant changes no larger than the runs' noise become {@link Verdict#WITHIN_NOISE}; a regression must clear
     * the noise between every pair of forks, the others by their medians. A regression seen with one fork on a side
     * clears nothing fork by fork: it is {@link Verdict#UNCONFIRMED}.
     */
    private static List<TimedChange> beyondNoise(List<TimedChange> timed, double noise, double shotNoise) {
        return timed.stream().map(change -> {
            if (!significant(change.verdict())) {
                return change;
            }
            double spread = change.singleShot() ? shotNoise : noise;
            boolean regression = change.verdict() == Verdict.REGRESSED;
            double size = regression && change.forkGapPercent() != null
                    ? Direction.ofUnit(change.unit()).logOfWorsening(change.forkGapPercent() / 100)
                    : logWorsening(change);
            if (Math.abs(size) <= NOISE_MULTIPLE * spread) {
                return change.withVerdict(Verdict.WITHIN_NOISE);
            }
            return regression && change.forkGapPercent() == null ? change.withVerdict(Verdict.UNCONFIRMED) : change;
        }).toList();
    }

    private static boolean significant(Verdict verdict) {
        return verdict == Verdict.BETTER || verdict == Verdict.WORSE || verdict == Verdict.REGRESSED;
    }

    /** ln(candidate / baseline) of the medians, positive when worse. */
    private static double logWorsening(TimedChange change) {
        return Direction.ofUnit(change.unit()).logWorsening(change.baseline().median(), change.candidate().median());
    }

    private static void requireSameSetup(RunDirectory baseline, RunDirectory candidate) {
        RunManifest a = baseline.manifest();
        RunManifest b = candidate.manifest();
        List<String> differences = new ArrayList<>();
        differ(differences, "profile", a.profile(), b.profile());
        differ(differences, "parameters", a.parameters(), b.parameters());
        differ(differences, "JMH settings", a.jmh(), b.jmh());
        differ(differences, "extra JMH arguments", a.extraJmhArguments(), b.extraJmhArguments());
        if (!differences.isEmpty()) {
            throw new BadRunException("runs made with different settings (" + String.join("; ", differences)
                    + "): " + baseline.path() + " vs " + candidate.path());
        }
    }

    private static List<String> machineDifferences(Environment a, Environment b) {
        List<String> differences = new ArrayList<>();
        differ(differences, "CPU", a.cpu(), b.cpu());
        differ(differences, "cores", a.cores(), b.cores());
        differ(differences, "JVM", a.jvm(), b.jvm());
        return differences;
    }

    private static void differ(List<String> differences, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            differences.add(what + " " + a + " vs " + b);
        }
    }

    private static List<TimedChange> timed(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        Map<String, BenchmarkResult> before = byKey(baseline.benchmarks());
        Map<String, BenchmarkResult> after = byKey(candidate.benchmarks());
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
     * (with one fork on a side there is no gap, and {@link #beyondNoise} decides what such a change is).
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
     * JVM with its own JIT decisions and memory layout, and on this kind of machine forks of the same code differ by
     * more than their iterations suggest (one fork of a JWT login 1.5x another); iterations pooled over forks cannot
     * show that, a fork-by-fork comparison can. Null when a side has a single fork: one pair of forks is no evidence
     * beyond the medians themselves.
     */
    static Double forkGap(Metric baseline, Metric candidate) {
        if (baseline.samplesPerFork().size() < 2 || candidate.samplesPerFork().size() < 2) {
            return null;
        }
        Direction direction = baseline.direction();
        double[] after = forkMedians(candidate);
        double smallest = Double.POSITIVE_INFINITY;
        for (double before : forkMedians(baseline)) {
            for (double candidateFork : after) {
                smallest = Math.min(smallest, direction.worsening(before, candidateFork));
            }
        }
        return smallest;
    }

    private static double[] forkMedians(Metric metric) {
        return metric.samplesPerFork().stream().mapToDouble(fork -> MedianInterval.of(fork).median()).toArray();
    }

    private static List<ExactChange> exact(RunDirectory baseline, RunDirectory candidate) {
        List<ExactChange> changes = new ArrayList<>();
        Map<String, StaticMeasurement> after = new LinkedHashMap<>();
        candidate.exact().forEach(m -> after.put(exactKey(m), m));
        for (StaticMeasurement before : baseline.exact()) {
            StaticMeasurement now = after.remove(exactKey(before));
            for (ExactMetric metric : ExactMetric.values()) {
                Double a = metric.of(before);
                Double b = now == null ? null : metric.of(now);
                if (a != null || b != null) {
                    changes.add(exactChange(exactKey(before) + " " + metric.label, metric.unit, a, b,
                            metric.tolerancePercent));
                }
            }
        }
        after.forEach((key, now) -> changes.add(new ExactChange(key, "", null, null, 0, Verdict.ONLY_IN_CANDIDATE)));
        Map<String, BenchmarkResult> allocatedAfter = byKey(candidate.benchmarks());
        for (BenchmarkResult before : baseline.benchmarks()) {
            BenchmarkResult now = allocatedAfter.get(before.key());
            Metric a = before.secondary().get(ALLOCATION);
            Metric b = now == null ? null : now.secondary().get(ALLOCATION);
            if (a != null || b != null) {
                changes.add(exactChange(before.key() + " allocation", "B/op", a == null ? null : a.score(),
                        b == null ? null : b.score(), ExactMetric.ALLOCATION_TOLERANCE_PERCENT));
            }
        }
        return changes;
    }

    private static ExactChange exactChange(String name, String unit, Double a, Double b, double tolerance) {
        Verdict verdict = a == null ? Verdict.ONLY_IN_CANDIDATE : b == null ? Verdict.ONLY_IN_BASELINE
                : ExactMetric.verdict(a, b, tolerance);
        return new ExactChange(name, unit, a, b, tolerance, verdict);
    }

    private static String exactKey(StaticMeasurement m) {
        return m.strategy() + " " + m.algorithm() + " " + m.payload() + " " + m.store();
    }

    private static Map<String, BenchmarkResult> byKey(List<BenchmarkResult> results) {
        Map<String, BenchmarkResult> byKey = new LinkedHashMap<>();
        results.forEach(result -> byKey.put(result.key(), result));
        return byKey;
    }
}

package io.github.authbench.results;

import static io.github.authbench.results.RunFixture.around;
import static io.github.authbench.results.RunFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics fed synthetic samples whose answers are known. */
class ComparisonTest {

    private static final String AUTH = "AuthenticateBenchmark.authenticate";

    @TempDir
    Path temp;

    /** Both sides as two forks, the first and second half of the samples, in two separate runs, on their own. */
    private TimedChange only(double[] baseline, double[] candidate, String unit) {
        return alone(new Metric(0, 0, unit, RunFixture.twoForks(baseline)),
                new Metric(0, 0, unit, RunFixture.twoForks(candidate)), ComparisonDesign.SEPARATE_RUNS);
    }

    private static TimedChange alone(Metric a, Metric b, ComparisonDesign design) {
        ForkEvidence evidence = ForkEvidence.of(design, a, b, false);
        ForkNoise noise = ForkNoise.of(design, List.of(evidence), CompareSettings.DEFAULTS.alpha());
        return TimedChanges.change("x", false, a, b, evidence.estimate(),
                noise.known() ? noise.halfWidth(evidence) : null, CompareSettings.DEFAULTS);
    }

    /** One pair of forks of one benchmark: the base's iterations and the candidate's. */
    private record ForkPair(double[] base, double[] candidate) {
    }

    /** Adds ten timed benchmarks, s0 to s9, to both sides, each of {@code pairs} fork pairs that {@code pair} makes. */
    private static void tenBenchmarks(RunFixture before, RunFixture after, int pairs,
            BiFunction<Integer, Integer, ForkPair> pair) {
        for (int b = 0; b < 10; b++) {
            List<double[]> baseline = new ArrayList<>();
            List<double[]> candidate = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                ForkPair made = pair.apply(b, p);
                baseline.add(made.base());
                candidate.add(made.candidate());
            }
            before.timedForks(AUTH, "s" + b, "ns/op", baseline);
            after.timedForks(AUTH, "s" + b, "ns/op", candidate);
        }
    }

    private Comparison compare(RunFixture before, RunFixture after) {
        return Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);
    }

    @Test
    void identicalSamplesAreUnchanged() {
        double[] samples = around(1000, 0.05, 16, 1);
        TimedChange change = only(samples, samples.clone(), "ns/op");
        assertThat(change.changePercent()).isCloseTo(0, within(1e-9));
        assertThat(change.lowPercent()).isLessThan(0);
        assertThat(change.highPercent()).isGreaterThan(0);
        assertThat(change.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void aQuarterSlowerWithSmallNoiseRegresses() {
        TimedChange change = only(around(1000, 0.05, 16, 1), around(1250, 0.05, 16, 2), "ns/op");
        assertThat(change.changePercent()).isCloseTo(25, within(3.0));
        assertThat(change.lowPercent()).isGreaterThan(0);
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aSureWorseningWithinTheThresholdIsReportedButPasses() {
        TimedChange change = only(around(1000, 0.01, 16, 1), around(1030, 0.01, 16, 2), "ns/op");
        assertThat(change.lowPercent()).isGreaterThan(0);
        assertThat(change.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(change.verdict().failsGate()).isFalse();
    }

    /** A 25% shift between forks that scatter by 60% is not evidence of anything. */
    @Test
    void aShiftInsideTheForksScatterIsNotSignificant() {
        Metric a = new Metric(0, 0, "ns/op", List.of(around(700, 0.02, 8, 1), around(1300, 0.02, 8, 2)));
        Metric b = new Metric(0, 0, "ns/op", List.of(around(900, 0.02, 8, 3), around(1600, 0.02, 8, 4)));
        assertThat(alone(a, b, ComparisonDesign.SEPARATE_RUNS).verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void throughputGoingDownIsTheRegression() {
        assertThat(only(around(1e6, 0.03, 16, 1), around(0.8e6, 0.03, 16, 2), "ops/s").verdict())
                .isEqualTo(Verdict.REGRESSED);
        assertThat(only(around(1e6, 0.03, 16, 1), around(1.2e6, 0.03, 16, 2), "ops/s").verdict())
                .isEqualTo(Verdict.BETTER);
    }

    /**
     * Two forks per run; the candidate's second fork drew a 1.6x slower JIT outcome, its first did not. The medians
     * differ by far more than the threshold, but the forks of the candidate disagree with each other by as much: the
     * interval is wide and includes no change.
     */
    @Test
    void oneSlowForkAloneDoesNotRegress() {
        Metric a = new Metric(0, 0, "ns/op", List.of(around(1000, 0.02, 10, 1), around(1010, 0.02, 10, 2)));
        Metric b = new Metric(0, 0, "ns/op", List.of(around(1005, 0.02, 10, 3), around(1600, 0.02, 10, 4)));
        TimedChange change = alone(a, b, ComparisonDesign.SEPARATE_RUNS);
        assertThat(change.changePercent()).isGreaterThan(10);
        assertThat(change.lowPercent()).isLessThan(0);
        assertThat(change.verdict()).isEqualTo(Verdict.SAME);
    }

    /** Every candidate fork 30% slower than every baseline fork: it regressed. */
    @Test
    void everyForkSlowerRegresses() {
        Metric a = new Metric(0, 0, "ns/op", List.of(around(1000, 0.02, 10, 1), around(1050, 0.02, 10, 2)));
        Metric b = new Metric(0, 0, "ns/op", List.of(around(1300, 0.02, 10, 3), around(1365, 0.02, 10, 4)));
        TimedChange change = alone(a, b, ComparisonDesign.SEPARATE_RUNS);
        assertThat(change.changePercent()).isCloseTo(30, within(2.0));
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    /**
     * One fork per run: a 5x slowdown is listed as worse but cannot fail the gate, because one fork against one fork
     * cannot tell the code from the fork's luck: there is no interval.
     */
    @Test
    void withOneForkPerRunARegressionIsUnconfirmed() {
        RunFixture before = new RunFixture().forks(1);
        RunFixture after = new RunFixture().forks(1);
        for (int i = 0; i < 20; i++) {
            before.timed(AUTH, "s" + i, "ns/op", around(1000, 0.02, 16, i));
            after.timed(AUTH, "s" + i, "ns/op", around(1000, 0.02, 16, 100 + i));
        }
        before.timed(AUTH, "slowed", "ns/op", around(1000, 0.02, 16, 50));
        after.timed(AUTH, "slowed", "ns/op", around(5000, 0.02, 16, 51));
        Comparison comparison = compare(before, after);

        assertThat(comparison.regressed()).isFalse();
        assertThat(comparison.timed()).filteredOn(change -> change.verdict() == Verdict.UNCONFIRMED)
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(comparison.timed()).allMatch(change -> change.lowPercent() == null);
        assertThat(ComparisonFormat.summary(comparison)).startsWith("no regression")
                .contains("1 worse beyond the threshold with one fork a side");
        assertThat(ComparisonFormat.noiseLine(comparison)).contains("one fork a side");
    }

    /**
     * The machine ran each pair of forks at its own speed (up to 30% apart between pairs), and the candidate is 10%
     * slower within every pair. Interleaved, each pair's change is 10% and the drift cancels: it regresses. The same
     * forks from two separate runs cannot be told from the drift: no verdict beyond "~".
     */
    @Test
    void pairsCancelTheDriftThatSeparateRunsCannot() {
        double[] machine = {1.0, 1.3, 0.85, 1.15};
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        tenBenchmarks(before, after, machine.length, (b, pair) -> {
            double slower = b == 0 ? 1.10 : 1.0;
            return new ForkPair(around(1000 * machine[pair], 0.01, 10, 10 * b + pair),
                    around(1000 * machine[pair] * slower * (1 + 0.01 * (pair % 2)), 0.01, 10, 500 + 10 * b + pair));
        });
        Comparison separate = compare(before, after);
        Comparison interleaved = compare(before.interleaved("ab-1"), after.interleaved("ab-1"));

        assertThat(interleaved.design()).isEqualTo(ComparisonDesign.INTERLEAVED);
        assertThat(interleaved.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark)
                .containsExactly("AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE s0 [avgt]");
        assertThat(interleaved.timed().get(0).changePercent()).isCloseTo(10.5, within(1.5));
        assertThat(separate.design()).isEqualTo(ComparisonDesign.SEPARATE_RUNS);
        assertThat(separate.timed()).extracting(TimedChange::verdict).containsOnly(Verdict.SAME);
        assertThat(ComparisonFormat.TEXT.render(interleaved)).contains("interleaved fork pairs");
    }

    /**
     * Within each pair the machine had slow seconds (iterations 1.6x slower, as on the project's VM): half of the
     * pair's iterations, somewhere else in each pair, and in every other pair the slow spell began a turn earlier for the
     * candidate, so that one of its iterations more was slow. The candidate of one benchmark is 10% slower in every
     * iteration. Taken in turns, each iteration's change is the code's whatever the machine did: that one regresses
     * with an interval a few percent wide and the others stay within 1%; the same forks paired by their medians are
     * moved by a quarter in every other pair, and see changes that are not there.
     */
    @Test
    void turnsLeaveOutTheMachinesSlowSeconds() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        tenBenchmarks(before, after, 4, (b, pair) -> {
            double slower = b == 0 ? 1.10 : 1.0;
            int start = (3 * pair + b) % 5;
            double[] base = around(1000, 0.01, 10, 10 * b + pair);
            double[] cand = around(1000 * slower, 0.01, 10, 500 + 10 * b + pair);
            for (int i = 0; i < base.length; i++) {
                base[i] *= i >= start && i < start + 5 ? 1.6 : 1.0;
                cand[i] *= i >= start - pair % 2 && i < start + 5 ? 1.6 : 1.0;
            }
            return new ForkPair(base, cand);
        });
        Comparison turns = compare(before.inTurns("ab-1"), after.inTurns("ab-1"));
        Comparison byForks = Comparison.of(RunDirectory.load(before.interleaved("ab-2").write(temp.resolve("c"))),
                RunDirectory.load(after.interleaved("ab-2").write(temp.resolve("d"))), CompareSettings.DEFAULTS);

        assertThat(turns.design()).isEqualTo(ComparisonDesign.TURNS);
        assertThat(turns.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark)
                .containsExactly("AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE s0 [avgt]");
        assertThat(turns.timed().get(0).changePercent()).isCloseTo(10, within(1.5));
        assertThat(turns.timed().get(0).lowPercent()).isGreaterThan(5);
        assertThat(turns.timed().subList(1, 10)).allSatisfy(
                change -> assertThat(change.changePercent()).isCloseTo(0, within(1.0)));
        assertThat(byForks.design()).isEqualTo(ComparisonDesign.INTERLEAVED);
        assertThat(byForks.timed().subList(1, 10)).allSatisfy(
                change -> assertThat(Math.abs(change.changePercent())).isGreaterThan(5));
        assertThat(ComparisonFormat.TEXT.render(turns)).contains("iterations in turns");
    }

    /**
     * Two benchmarks 14% slower in both pairs: one whose iterations agree within 1%, one whose iterations scatter
     * from -40% to +64% around that (a fork still compiling). Both pairs of the second agree by chance; its
     * iterations say how little that means, and its interval stays wide enough to include no change.
     */
    @Test
    void pairsThatAgreeByChanceDoNotNarrowAScatteredBenchmarksInterval() {
        double[] scatter = {-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5};
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        tenBenchmarks(before, after, 2, (b, pair) -> {
            double[] base = around(1000, 0.01, 10, 10 * b + pair);
            double[] cand = base.clone();
            for (int i = 0; i < cand.length; i++) {
                double change = b == 0 ? 0.14 + scatter[(i + 3 * pair) % 10] : b == 1 ? 0.14 : 0;
                cand[i] = base[i] * Math.exp(change) * (1 + 0.005 * ((i + pair) % 3 - 1));
            }
            return new ForkPair(base, cand);
        });
        Comparison turns = compare(before.inTurns("ab-1"), after.inTurns("ab-1"));

        TimedChange scattered = turns.timed().get(0);
        TimedChange steady = turns.timed().get(1);
        assertThat(scattered.changePercent()).isCloseTo(15, within(1.0));
        assertThat(scattered.lowPercent()).isLessThan(0);
        assertThat(scattered.verdict()).isEqualTo(Verdict.SAME);
        assertThat(steady.changePercent()).isCloseTo(15, within(1.0));
        assertThat(steady.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    /** A run of an ab session in turns and a run of its own compare as two separate runs. */
    @Test
    void aSideOfASessionInTurnsComparesWithARunOfItsOwn() {
        Comparison comparison = compare(new RunFixture().inTurns("ab-1"), new RunFixture());
        assertThat(comparison.design()).isEqualTo(ComparisonDesign.SEPARATE_RUNS);
    }

    /** Runs of two different ab sessions are two separate runs, not pairs. */
    @Test
    void onlyTheTwoSidesOfOneSessionArePaired() {
        Comparison comparison = compare(new RunFixture().interleaved("ab-1"), new RunFixture().interleaved("ab-2"));
        assertThat(comparison.design()).isEqualTo(ComparisonDesign.SEPARATE_RUNS);
    }

    /**
     * Twenty benchmarks that all moved by up to 30% between two separate runs, as on a shared machine, and one 5x
     * slower: the drift widens every interval, the 5x stands out of it, the others do not.
     */
    @Test
    void betweenSeparateRunsTheDriftWidensEveryInterval() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        java.util.SplittableRandom drift = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            double shift = 1 + 0.6 * (drift.nextDouble() - 0.5);
            before.timed(AUTH, "s" + i, "ns/op", around(1000, 0.02, 16, i));
            after.timed(AUTH, "s" + i, "ns/op", around(1000 * shift, 0.02, 16, 100 + i));
        }
        before.timed(AUTH, "slowed", "ns/op", around(1000, 0.02, 16, 50));
        after.timed(AUTH, "slowed", "ns/op", around(5000, 0.02, 16, 51));
        Comparison comparison = compare(before, after);

        assertThat(comparison.noise().drift()).isGreaterThan(0.05 * 0.05);
        assertThat(comparison.smallestFailingChange()).isGreaterThan(0.2);
        assertThat(comparison.timed()).filteredOn(change -> change.verdict() == Verdict.REGRESSED)
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(comparison.timed()).filteredOn(change -> change.benchmark().matches(".* s[0-9]+ \\[avgt]"))
                .extracting(TimedChange::verdict).doesNotContain(Verdict.REGRESSED, Verdict.BETTER);
    }

    /**
     * Single shots scatter more from run to run than benchmarks timed over many calls. Twenty of those agree within
     * 2%; ten logouts moved by up to 20%, one of them by 40% in both forks: it stands out of the timed benchmarks'
     * noise, not out of the shots', and does not fail; the same 40% on a timed benchmark does.
     */
    @Test
    void singleShotsAreHeldAgainstTheirOwnNoise() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        twentyThatAgree(before, after);
        double[] moved = {0.85, 1.1, 0.9, 1.15, 1.05, 0.95, 1.2, 0.88, 1.0, 1.4};
        for (int i = 0; i < moved.length; i++) {
            before.shots("LogoutBenchmark.logout", "l" + i, around(400, 0.02, 30, 200 + i));
            after.shots("LogoutBenchmark.logout", "l" + i, around(400 * moved[i], 0.02, 30, 300 + i));
        }
        before.timed(AUTH, "slowed", "ns/op", around(1000, 0.02, 16, 50));
        after.timed(AUTH, "slowed", "ns/op", around(1400, 0.02, 16, 51));
        Comparison comparison = compare(before, after);

        assertThat(comparison.smallestFailingShotChange()).isGreaterThan(2 * comparison.smallestFailingChange());
        assertThat(comparison.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(ComparisonFormat.noiseLine(comparison)).contains("; shots:");
    }

    /**
     * Logouts whose two forks differ by 20% within each run, as single shots here can; one moved 35% between the runs:
     * within how much its forks scatter anyway, so it does not fail, though it stands far out of how little the other
     * benchmarks moved between the runs.
     */
    @Test
    void aChangeNoLargerThanForksDifferWithinARunDoesNotFail() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        twentyThatAgree(before, after);
        for (int i = 0; i < 10; i++) {
            double moved = i == 0 ? 1.35 : 1.0;
            before.shots("LogoutBenchmark.logout", "l" + i, forks(400, 480, 200 + i));
            after.shots("LogoutBenchmark.logout", "l" + i, forks(400 * moved, 480 * moved, 300 + i));
        }
        Comparison comparison = compare(before, after);

        assertThat(comparison.timed()).filteredOn(change -> change.benchmark().contains(" l0 "))
                .singleElement().satisfies(change -> assertThat(change.changePercent()).isGreaterThan(30));
        assertThat(comparison.regressed()).isFalse();
    }

    /** Two forks of 15 single shots each, around {@code first} and {@code second}. */
    private static double[] forks(double first, double second, long seed) {
        double[] samples = new double[30];
        System.arraycopy(around(first, 0.02, 15, seed), 0, samples, 0, 15);
        System.arraycopy(around(second, 0.02, 15, seed + 1000), 0, samples, 15, 15);
        return samples;
    }

    /** Twenty benchmarks timed over many calls that agree within 2% in both runs. */
    private static void twentyThatAgree(RunFixture before, RunFixture after) {
        for (int i = 0; i < 20; i++) {
            before.timed(AUTH, "s" + i, "ns/op", around(1000, 0.02, 16, i));
            after.timed(AUTH, "s" + i, "ns/op", around(1000, 0.02, 16, 100 + i));
        }
    }

    /** When the runs agree closely, the intervals are narrow and the 5% threshold decides. */
    @Test
    void onAQuietPairTheThresholdDecides() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        twentyThatAgree(before, after);
        before.timed(AUTH, "slowed", "ns/op", around(1000, 0.02, 16, 50));
        after.timed(AUTH, "slowed", "ns/op", around(1080, 0.02, 16, 51));
        before.timed(AUTH, "slightly", "ns/op", around(1000, 0.01, 16, 60));
        after.timed(AUTH, "slightly", "ns/op", around(1035, 0.01, 16, 61));
        Comparison comparison = compare(before, after);

        assertThat(comparison.smallestFailingChange()).isEqualTo(0.05);
        assertThat(comparison.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(comparison.timed()).filteredOn(change -> change.benchmark().contains(" slightly "))
                .extracting(TimedChange::verdict).containsExactly(Verdict.WORSE);
    }

    @Test
    void benchmarksOnOneSideAreListedNotDropped() {
        RunDirectory a = RunDirectory.load(new RunFixture().timed(AUTH, "session", "ns/op", around(300, 0.05, 16, 1))
                .timed(AUTH, "jwt-denylist", "ns/op", around(300, 0.05, 16, 1)).write(temp.resolve("a")));
        RunDirectory b = RunDirectory.load(new RunFixture().timed(AUTH, "session", "ns/op", around(300, 0.05, 16, 2))
                .timed(AUTH, "stateless-jwt", "ns/op", around(300, 0.05, 16, 1)).write(temp.resolve("b")));
        Comparison comparison = Comparison.of(a, b, CompareSettings.DEFAULTS);
        assertThat(comparison.timed()).extracting(TimedChange::verdict)
                .containsExactly(Verdict.SAME, Verdict.ONLY_IN_BASELINE, Verdict.ONLY_IN_CANDIDATE);
        assertThat(comparison.regressed()).isFalse();
    }

    @Test
    void exactMeasurementsUseTheirTolerance() {
        RunDirectory a = RunDirectory.load(new RunFixture().exact(measurement("session", 43, 0))
                .exact(measurement("stateless-jwt", 611, 930_000)).write(temp.resolve("a")));
        RunDirectory b = RunDirectory.load(new RunFixture().exact(measurement("session", 43, 0))
                .exact(measurement("stateless-jwt", 612, 930_000)).write(temp.resolve("b")));
        Comparison comparison = Comparison.of(a, b, CompareSettings.DEFAULTS);
        assertThat(comparison.exact()).filteredOn(e -> e.verdict() != Verdict.SAME)
                .extracting(ExactChange::measurement)
                .containsExactlyInAnyOrder("stateless-jwt HS256 TYPICAL CAFFEINE access credential",
                        "stateless-jwt HS256 TYPICAL CAFFEINE Authorization header",
                        "stateless-jwt HS256 TYPICAL CAFFEINE Cookie header");
        assertThat(comparison.regressed()).isTrue();
        assertThat(ExactMetric.verdict(700, 710, ExactMetric.SERVER_BYTES_PER_LOGIN.tolerancePercent))
                .isEqualTo(Verdict.SAME);
        assertThat(ExactMetric.verdict(700, 730, ExactMetric.SERVER_BYTES_PER_LOGIN.tolerancePercent))
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void runsFromAnotherMachineAreRefusedUnlessAllowed() {
        RunDirectory a = RunDirectory.load(new RunFixture().write(temp.resolve("a")));
        Environment other = new Environment("Vendor", "17.0.15", "Test VM 17", "Linux", "Other CPU", 4, 1L << 34, "x",
                RunFixture.MACHINE.libraries());
        RunDirectory b = RunDirectory.load(new RunFixture().machine(other).write(temp.resolve("b")));
        assertThatThrownBy(() -> Comparison.of(a, b, CompareSettings.DEFAULTS)).isInstanceOf(BadRunException.class)
                .hasMessageContaining("CPU Test CPU @ 2GHz vs Other CPU").hasMessageContaining("cores 2 vs 4");
        assertThat(Comparison.of(a, b, new CompareSettings(0.05, 5, true)).machineDifferences()).hasSize(2);
    }

    @Test
    void runsOfDifferentProfilesAreRefused() {
        RunDirectory a = RunDirectory.load(new RunFixture().write(temp.resolve("a")));
        RunDirectory b = RunDirectory.load(new RunFixture().profile("smoke").write(temp.resolve("b")));
        assertThatThrownBy(() -> Comparison.of(a, b, CompareSettings.DEFAULTS)).isInstanceOf(BadRunException.class)
                .hasMessageContaining("profile quick vs smoke");
    }

    @Test
    void everyFormatCarriesTheVerdict() {
        RunDirectory a = RunDirectory.load(new RunFixture().timed(AUTH, "session", "ns/op", around(300, 0.05, 16, 1))
                .write(temp.resolve("a")));
        RunDirectory b = RunDirectory.load(new RunFixture().timed(AUTH, "session", "ns/op", around(400, 0.05, 16, 2))
                .write(temp.resolve("b")));
        Comparison comparison = Comparison.of(a, b, CompareSettings.DEFAULTS);
        assertThat(ComparisonFormat.TEXT.render(comparison)).contains("REGRESSED").contains("+-")
                .contains("REGRESSION: 1 regressed");
        assertThat(ComparisonFormat.MARKDOWN.render(comparison)).contains("| benchmark |").contains("REGRESSED");
        assertThat(ComparisonFormat.JSON.render(comparison)).contains("\"regressed\" : true")
                .contains("\"verdict\" : \"REGRESSED\"");
    }
}

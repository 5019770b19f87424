package io.github.authbench.results;

import static io.github.authbench.results.RunFixture.around;
import static io.github.authbench.results.RunFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics fed synthetic samples whose answers are known. */
class ComparisonTest {

    private static final String AUTH = "AuthenticateBenchmark.authenticate";

    @TempDir
    Path temp;

    /** Both sides as two forks, the first and second half of the samples. */
    private TimedChange only(double[] baseline, double[] candidate, String unit) {
        Metric a = new Metric(0, 0, unit, RunFixture.twoForks(baseline));
        Metric b = new Metric(0, 0, unit, RunFixture.twoForks(candidate));
        return TimedChanges.change("x", false, a, b, CompareSettings.DEFAULTS);
    }

    /** Complete separation of 8 and 8 samples: U = 0, z = -32 / sqrt(8*8*17/12), two-sided p = 7.76e-4. */
    @Test
    void mannWhitneyPValueOfCompleteSeparation() {
        TimedChange change = only(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {9, 10, 11, 12, 13, 14, 15, 16},
                "ns/op");
        assertThat(change.pValue()).isCloseTo(7.76e-4, within(1e-5));
        assertThat(change.changePercent()).isCloseTo((12.5 - 4.5) / 4.5 * 100, within(1e-9));
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void identicalSamplesAreUnchanged() {
        double[] samples = around(1000, 0.05, 16, 1);
        TimedChange change = only(samples, samples.clone(), "ns/op");
        assertThat(change.pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(change.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void aQuarterSlowerWithSmallNoiseRegresses() {
        TimedChange change = only(around(1000, 0.05, 16, 1), around(1250, 0.05, 16, 2), "ns/op");
        assertThat(change.pValue()).isLessThan(0.001);
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aSignificantWorseningWithinTheThresholdIsReportedButPasses() {
        TimedChange change = only(around(1000, 0.01, 16, 1), around(1050, 0.01, 16, 2), "ns/op");
        assertThat(change.pValue()).isLessThan(0.05);
        assertThat(change.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(change.verdict().failsGate()).isFalse();
    }

    /** A 25% shift buried in +-60% noise over 6 samples is not evidence of anything. */
    @Test
    void aShiftInsideTheNoiseIsNotSignificant() {
        TimedChange change = only(around(1000, 0.6, 6, 3), around(1250, 0.6, 6, 4), "ns/op");
        assertThat(change.pValue()).isGreaterThan(0.05);
        assertThat(change.verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void throughputGoingDownIsTheRegression() {
        assertThat(only(around(1e6, 0.03, 16, 1), around(0.8e6, 0.03, 16, 2), "ops/s").verdict())
                .isEqualTo(Verdict.REGRESSED);
        assertThat(only(around(1e6, 0.03, 16, 1), around(1.2e6, 0.03, 16, 2), "ops/s").verdict())
                .isEqualTo(Verdict.BETTER);
    }

    /**
     * Two forks per run; the candidate's second fork drew a 1.6x slower JIT outcome, its first did not. The pooled
     * samples differ significantly and their medians by more than the threshold, but one candidate fork is as fast as
     * the baseline: not a regression of the code.
     */
    @Test
    void oneSlowForkAloneDoesNotRegress() {
        Metric a = new Metric(0, 0, "ns/op", List.of(around(1000, 0.02, 10, 1), around(1010, 0.02, 10, 2)));
        Metric b = new Metric(0, 0, "ns/op", List.of(around(1005, 0.02, 10, 3), around(1600, 0.02, 10, 4)));
        TimedChange change = TimedChanges.change("x", false, a, b, CompareSettings.DEFAULTS);
        assertThat(change.pValue()).isLessThan(0.05);
        assertThat(change.changePercent()).isGreaterThan(10);
        assertThat(change.forkGapPercent()).isBetween(-5.0, 5.0);
        assertThat(change.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    }

    /** Every candidate fork 30% slower than every baseline fork: that holds fork by fork, so it regressed. */
    @Test
    void everyForkSlowerRegresses() {
        Metric a = new Metric(0, 0, "ns/op", List.of(around(1000, 0.02, 10, 1), around(1050, 0.02, 10, 2)));
        Metric b = new Metric(0, 0, "ns/op", List.of(around(1400, 0.02, 10, 3), around(1450, 0.02, 10, 4)));
        TimedChange change = TimedChanges.change("x", false, a, b, CompareSettings.DEFAULTS);
        assertThat(change.forkGapPercent()).isCloseTo((1400.0 - 1050) / 1050 * 100, within(3.0));
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    /**
     * One fork per run: a 5x slowdown beyond the noise is listed as worse but cannot fail the gate, because one fork
     * against one fork cannot tell the code from the fork's luck.
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
        Comparison comparison = Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);

        assertThat(comparison.regressed()).isFalse();
        assertThat(comparison.timed()).filteredOn(change -> change.verdict() == Verdict.UNCONFIRMED)
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(comparison.timed()).allMatch(change -> change.forkGapPercent() == null);
        assertThat(ComparisonFormat.summary(comparison)).startsWith("no regression").contains("1 worse beyond the noise");
    }

    /** For throughput the fork gap is signed the same way: fewer operations is the worse side. */
    @Test
    void throughputForksAreComparedTheWorseWayRound() {
        Metric a = new Metric(0, 0, "ops/s", List.of(around(1e6, 0.02, 10, 1), around(0.95e6, 0.02, 10, 2)));
        Metric b = new Metric(0, 0, "ops/s", List.of(around(0.7e6, 0.02, 10, 3), around(0.6e6, 0.02, 10, 4)));
        TimedChange change = TimedChanges.change("x", false, a, b, CompareSettings.DEFAULTS);
        assertThat(change.forkGapPercent()).isCloseTo((0.95 - 0.7) / 0.95 * 100, within(3.0));
        assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(Direction.HIGHER_IS_BETTER.logOfWorsening(change.forkGapPercent() / 100))
                .isCloseTo(Math.log(0.95 / 0.7), within(0.03));
    }

    @Test
    void tooFewSamplesAreNeverSignificant() {
        TimedChange change = only(new double[] {1, 2}, new double[] {100, 200}, "ns/op");
        assertThat(change.pValue()).isNull();
        assertThat(change.verdict()).isEqualTo(Verdict.SAME);
    }

    /**
     * Twenty benchmarks that all moved by up to 30% between two runs, as on a shared machine, and one 5x slower: beyond
     * 5 robust sigmas of the others even at the largest noise this test allows (0.3: 4.5x).
     */
    @Test
    void onANoisyPairOnlyWhatStandsOutOfTheNoiseFails() {
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
        Comparison comparison = Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);

        assertThat(comparison.noise()).isBetween(0.05, 0.3);
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
        Comparison comparison = Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);

        assertThat(comparison.shotNoise()).isGreaterThan(2 * comparison.noise());
        assertThat(comparison.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
        assertThat(ComparisonFormat.noiseLine(comparison)).contains("single shots: noise");
    }

    /**
     * Logouts whose two forks differ by 20% within each run, as single shots here can; one moved 45% between the runs,
     * every fork apart (fork gap about 20%): within how much its forks scatter anyway, so it does not fail, though it
     * stands far out of how little the other benchmarks moved between the runs.
     */
    @Test
    void aChangeNoLargerThanForksDifferWithinARunDoesNotFail() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        twentyThatAgree(before, after);
        for (int i = 0; i < 10; i++) {
            double moved = i == 0 ? 1.45 : 1.0;
            before.shots("LogoutBenchmark.logout", "l" + i, forks(400, 480, 200 + i));
            after.shots("LogoutBenchmark.logout", "l" + i, forks(400 * moved, 480 * moved, 300 + i));
        }
        Comparison comparison = Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);

        assertThat(comparison.timed()).filteredOn(change -> change.benchmark().contains(" l0 "))
                .singleElement().satisfies(change -> assertThat(change.forkGapPercent()).isGreaterThan(10));
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

    /** When the runs agree closely, the noise is small and the 10% threshold decides. */
    @Test
    void onAQuietPairTheThresholdDecides() {
        RunFixture before = new RunFixture();
        RunFixture after = new RunFixture();
        twentyThatAgree(before, after);
        before.timed(AUTH, "slowed", "ns/op", around(1000, 0.02, 16, 50));
        after.timed(AUTH, "slowed", "ns/op", around(1200, 0.02, 16, 51));
        Comparison comparison = Comparison.of(RunDirectory.load(before.write(temp.resolve("a"))),
                RunDirectory.load(after.write(temp.resolve("b"))), CompareSettings.DEFAULTS);

        assertThat(comparison.smallestFailingChange()).isEqualTo(0.10);
        assertThat(comparison.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark).containsExactly(
                        "AuthenticateBenchmark.authenticate HS256 TYPICAL CAFFEINE slowed [avgt]");
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
        assertThat(Comparison.of(a, b, new CompareSettings(0.05, 10, true)).machineDifferences()).hasSize(2);
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

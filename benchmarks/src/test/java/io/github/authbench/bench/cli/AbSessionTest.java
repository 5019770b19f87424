package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.CompareSettings;
import io.github.authbench.results.Comparison;
import io.github.authbench.results.ComparisonDesign;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.TimedChange;
import io.github.authbench.results.Verdict;
import io.github.authbench.strategy.JwtLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ab}'s core on two tiny, known-different inputs: the same code on both sides, but every fork of the candidate
 * with a slower JIT (C1 only, no inlining: a session check about 14x slower here, a forged-credential reject about 5x),
 * on two benchmarks of one strategy (the smoke profile's small population), three pairs of the ci profile's forks,
 * both sides' forks measuring in turns. Real JMH, real forks, real sockets, real files.
 */
class AbSessionTest {

    private static final String[] SLOWER_JIT = {"-XX:TieredStopAtLevel=1", "-XX:-Inline"};
    private static final int PAIRS = 3;

    @TempDir
    static Path directory;

    private static List<Path> runs;

    @BeforeAll
    static void interleave() throws IOException {
        String classpath = System.getProperty("java.class.path");
        AbSide base = new AbSide("base", "test classes", "unknown (test)", classpath, List.of());
        AbSide slower = new AbSide("candidate", "test classes", "unknown (test)", classpath, List.of())
                .withJvmArgs(List.of(SLOWER_JIT));
        Map<String, List<String>> parameters = new LinkedHashMap<>(
                RunCommand.parameters(Profile.SMOKE, List.of(StoreKind.CAFFEINE)));
        parameters.put("strategy", List.of("session"));
        parameters.put("codec", List.of(JwtLibrary.JJWT.id()));
        Invocation session = new Invocation("session", List.of(Invocation.pattern("AuthenticateBenchmark.authenticate"),
                Invocation.pattern("RejectBenchmark.reject")), parameters);
        List<String> lines = new ArrayList<>();
        // the ci profile's forks (0.9 s of warmup): the smoke profile's 100 ms left a fork now and then on C1 code,
        // 1090 ns against 150-240 ns, and rightly no verdict beyond "~"
        // up to 5 pairs, but a 5-14x slowdown is decided by the first 3: no pair more
        AbPairs pairs = new AbPairs(PAIRS, PAIRS + 2, Instant.now().plus(Duration.ofMinutes(10)),
                CompareSettings.DEFAULTS);
        runs = new AbSession(Profile.CI, List.of(StoreKind.CAFFEINE),
                List.of(new AbSession.Step(session, false)), pairs, directory, lines::add).run(base, slower);
        assertThat(lines).contains("both sides' forks of a benchmark run together, measuring their iterations in turns")
                .anyMatch(line -> line.startsWith("[3/3] pair 3 of 3, both sides in turns: session"))
                .contains("every benchmark decided (or at 5 pairs)")
                .noneMatch(line -> line.contains("of up to"));
    }

    @Test
    void morePairsGoToTheStepsWhoseVerdictTheyCouldStillTurnTheLikeliestRegressionFirst() {
        List<TimedChange> changes = List.of(
                change("a [avgt]", 6, -4, 16, Verdict.SAME), // undecided
                change("b [avgt]", 2, -8, 12, Verdict.SAME), // looks unchanged
                change("c [avgt]", 12, 1, 23, Verdict.REGRESSED), // undecided, likelier than a
                change("d [avgt]", 30, 20, 40, Verdict.REGRESSED), // surely beyond the threshold
                change("e [avgt]", 9, -1, 19, Verdict.SAME), // undecided, but at the most pairs
                change("f [avgt]", 7, -3, 17, Verdict.SAME), // undecided, measured with a by one step
                change("g [avgt]", 9, -1, 19, Verdict.SAME)); // undecided, but no step of this session measured it
        Map<String, Integer> stepOfResult = Map.of("a [avgt]", 0, "b [avgt]", 1, "c [avgt]", 2, "d [avgt]", 3,
                "e [avgt]", 4, "f [avgt]", 0);
        int[] pairsOf = {2, 2, 3, 2, 6};
        AbPairs pairs = new AbPairs(2, 6, Instant.MAX, CompareSettings.DEFAULTS);

        List<AbSession.Undecided> chosen = AbSession.undecided(changes, stepOfResult, pairsOf, pairs);

        assertThat(chosen).extracting(AbSession.Undecided::step).containsExactly(2, 0);
        assertThat(chosen.get(1).change().benchmark()).as("a step counts by its most suspect change")
                .isEqualTo("f [avgt]");
        assertThat(AbSession.undecided(changes, stepOfResult, pairsOf, AbPairs.fixed(2, CompareSettings.DEFAULTS)))
                .as("none more than the fixed pairs").isEmpty();
    }

    @Test
    void aBudgetOrPairsThatCannotWorkAreRefusedAsUsage() {
        assertThatThrownBy(() -> new AbPairs(1, 6, Instant.MAX, CompareSettings.DEFAULTS))
                .isInstanceOf(UsageException.class).hasMessageContaining("--pairs must be 2 or more");
        assertThatThrownBy(() -> new AbPairs(4, 3, Instant.MAX, CompareSettings.DEFAULTS))
                .isInstanceOf(UsageException.class).hasMessageContaining("--max-pairs must be at least --pairs (4)");
    }

    private static TimedChange change(String benchmark, double change, double low, double high, Verdict verdict) {
        return new TimedChange(benchmark, "ns/op", false, null, null, change, low, high, verdict);
    }

    @Test
    void onlyASuiteWithTurnsIsAskedToTakeThem() throws IOException {
        assertThat(new AbSide("base", "test classes", "unknown (test)", System.getProperty("java.class.path"),
                List.of()).takesTurns()).isTrue();
        Path jmhOnly = Path.of(org.openjdk.jmh.Main.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        assertThat(new AbSide("base", "jmh", "unknown (jmh)", jmhOnly.toString(), List.of()).takesTurns()).isFalse();
        assertThat(new AbSide("base", "empty", "unknown (empty)", Files.createTempDirectory(directory, "empty")
                .toString(), List.of()).takesTurns()).isFalse();
    }

    @Test
    void theSlowerSideRegressesEveryBenchmarkAndThePairsAreKnownToBePairs() {
        Comparison comparison = Comparison.of(RunDirectory.load(runs.get(0)), RunDirectory.load(runs.get(1)),
                CompareSettings.DEFAULTS);

        assertThat(comparison.design()).isEqualTo(ComparisonDesign.TURNS);
        assertThat(comparison.timed()).extracting(TimedChange::benchmark).containsExactly(
                "AuthenticateBenchmark.authenticate HS256 jjwt TYPICAL 1000 CAFFEINE session [avgt]",
                "RejectBenchmark.reject HS256 jjwt CAFFEINE session [avgt]");
        assertThat(comparison.timed()).allSatisfy(change -> {
            assertThat(change.verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(change.lowPercent()).isGreaterThan(100);
        });
        assertThat(comparison.exact()).noneMatch(change -> change.verdict().failsGate());
        assertThat(comparison.exact()).isNotEmpty();
    }

    @Test
    void eachSideHoldsOneForkPerPairInPairOrder() throws IOException {
        for (Path run : runs) {
            RunDirectory side = RunDirectory.load(run);
            assertThat(side.benchmarks()).hasSize(2)
                    .allSatisfy(result -> assertThat(result.primary().samplesPerFork()).hasSize(PAIRS));
            assertThat(side.manifest().jmh()).containsEntry("forks", PAIRS)
                    .containsEntry(ComparisonDesign.SESSION, directory.getFileName().toString());
            try (Stream<Path> files = Files.list(run)) {
                assertThat(files.map(file -> file.getFileName().toString())).as("the pairs' parts, once merged")
                        .noneMatch(name -> name.contains(".part"));
            }
        }
        List<String> log = Files.readAllLines(directory.resolve("jmh.log"));
        // each pair: both sides' JMH of the two benchmarks, then what the turn table served (13 iterations a fork)
        List<String> expected = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            expected.addAll(List.of("### base (test classes): session", "### candidate (test classes): session",
                    "### turns of session: 26 rounds in turns, 0 iterations alone"));
        }
        assertThat(log.stream().filter(line -> line.startsWith("### ") && !line.startsWith("### exact")).toList())
                .containsExactlyElementsOf(expected);
        assertThat(log).filteredOn(line -> line.contains("authbench: measuring in turns with the other side"))
                .hasSize(PAIRS * 2 * 2);
        assertThat(log).noneMatch(line -> line.contains("turns ended"));
        assertThat(log).as("the exact pass measures memory as ./authbench run does, through Instrumentation")
                .noneMatch(line -> line.contains("Dynamic Attach failed"));
    }
}

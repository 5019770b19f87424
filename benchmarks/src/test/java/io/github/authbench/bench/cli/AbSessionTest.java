package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        runs = new AbSession(Profile.CI, List.of(StoreKind.CAFFEINE),
                List.of(new AbSession.Step(session, false)), PAIRS, directory, lines::add).run(base, slower);
        assertThat(lines).contains("both sides' forks of a benchmark run together, measuring their iterations in turns")
                .anyMatch(line -> line.startsWith("[3/3] pair 3 of 3, both sides in turns: session"));
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
    }
}

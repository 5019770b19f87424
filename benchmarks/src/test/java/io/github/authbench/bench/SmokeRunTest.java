package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authbench.bench.cli.AuthbenchCommand;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.StrategyDescription;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.Strategies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main command end to end with the smoke profile: real JMH forks, a complete run directory, and a number for every
 * metric that applies to each strategy.
 */
class SmokeRunTest {

    @TempDir
    Path runs;

    @Test
    void theSmokeProfileWritesACompleteRunDirectory() throws IOException {
        PrintStream terminal = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = AuthbenchCommand.execute("run", "--profile", "smoke", "--output", runs.toString());
        } finally {
            System.setOut(terminal);
        }

        assertThat(status).isZero();
        Path run;
        try (Stream<Path> dirs = Files.list(runs)) {
            run = dirs.findFirst().orElseThrow();
        }
        // JMH's own output goes to jmh.log; the terminal gets a progress line per step and the summary
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("# Warmup Iteration").contains("[2/4] timed benchmarks: 1 of ")
                .contains("[3/4] shots");
        assertThat(output.lines().count()).isLessThan(250);
        // authbench's own lines (JOL's "# WARNING" about attaching, which ./authbench avoids, is not one of them)
        assertThat(output.lines().filter(line -> !line.startsWith("# ")))
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(Files.readString(run.resolve("jmh.log"))).contains("# Benchmark: io.github.authbench.bench."
                + "RevocationLatencyBenchmark.logoutOnAUntilBRejects", "# Warmup Iteration")
                .as("what the forks print goes to the log, not the terminal").contains("authbench: rehearsed ");
        assertThat(output).doesNotContain("authbench: rehearsed ");
        assertThat(run.resolve("run.json")).exists();
        assertThat(run.resolve("exact.json")).exists();
        assertThat(run.resolve("jmh-timed.json")).exists();
        assertThat(run.resolve("jmh-shots.json")).exists();
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("the invocations' parts, once merged")
                    .noneMatch(name -> name.contains(".part"));
        }

        ObjectMapper json = new ObjectMapper();
        JsonNode info = json.readTree(run.resolve("run.json").toFile());
        assertThat(info.path("profile").asText()).isEqualTo("smoke");
        assertThat(info.path("environment").path("cores").asInt()).isPositive();
        assertThat(info.path("environment").path("jdkVersion").asText()).isNotBlank();
        assertThat(info.path("finished").asText()).isNotBlank();
        List<String> codecs = new ArrayList<>();
        info.path("parameters").path("codec").forEach(codec -> codecs.add(codec.asText()));
        assertThat(codecs).as("the libraries the run measured, the default first").containsExactlyElementsOf(
                JwtLibrary.ids());

        JsonNode exact = json.readTree(run.resolve("exact.json").toFile());
        Set<String> measured = new HashSet<>();
        exact.forEach(m -> {
            measured.add(m.path("strategy").asText());
            assertThat(m.path("accessBytes").asInt()).isPositive();
            assertThat(m.path("logoutWindowOtherNodeMillis").isNumber()).isTrue();
        });
        assertThat(measured).containsExactlyInAnyOrderElementsOf(Strategies.ids());

        Map<String, Set<String>> scored = new HashMap<>();
        for (String file : List.of("jmh-timed.json", "jmh-shots.json")) {
            for (JsonNode result : json.readTree(run.resolve(file).toFile())) {
                double score = result.path("primaryMetric").path("score").asDouble(Double.NaN);
                assertThat(score).as(result.path("benchmark").asText()).isFinite().isPositive();
                String benchmark = result.path("benchmark").asText();
                String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
                scored.computeIfAbsent(method, k -> new HashSet<>())
                        .add(result.path("params").path("strategy").asText("-"));
            }
        }
        for (JsonNode shot : json.readTree(run.resolve("jmh-shots.json").toFile())) {
            long calls = 0;
            for (JsonNode iteration : shot.path("primaryMetric").path("rawDataHistogram").path(0)) {
                for (JsonNode pair : iteration) {
                    calls += pair.path(1).asLong();
                }
            }
            assertThat(shot.path("mode").asText()).isEqualTo("sample");
            assertThat(calls).as("calls timed one by one, many in each of the smoke profile's two 100 ms iterations")
                    .isGreaterThan(10);
        }
        List<String> all = StrategySubsets.ALL;
        assertThat(scored.get("AuthenticateBenchmark.authenticate")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(scored.get("AuthenticateBenchmark.throughput2Threads")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(scored.get("RejectBenchmark.reject")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(scored.get("LoginBenchmark.login")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(scored.get("RefreshBenchmark.refresh")).containsExactlyInAnyOrderElementsOf(StrategySubsets.REFRESHABLE);
        assertThat(scored.get("LogoutBenchmark.logout"))
                .containsExactlyInAnyOrderElementsOf(StrategySubsets.WITH_SERVER_STATE);
        assertThat(scored.get("RevocationLatencyBenchmark.logoutOnAUntilBRejects"))
                .containsExactlyInAnyOrderElementsOf(StrategySubsets.REVOKED_AT_ONCE);
        assertThat(scored).containsKeys("FloorBenchmark.rawVerify", "FloorBenchmark.libraryVerify",
                "FloorBenchmark.caffeineGetWithIdCheck", "FloorBenchmark.secureRandom32Bytes");
        assertThat(codecsOf(json, run, "AuthenticateBenchmark.authenticate", "stateless-jwt"))
                .as("the library axis: stateless-jwt on every JWT library")
                .containsExactlyInAnyOrderElementsOf(JwtLibrary.ids());
        assertThat(codecsOf(json, run, "AuthenticateBenchmark.authenticate", "session"))
                .as("a strategy without JWTs is measured once, on the default library")
                .containsExactly(JwtLibrary.JJWT.id());
        assertThat(codecsOf(json, run, "FloorBenchmark.libraryVerify", "-"))
                .containsExactlyInAnyOrderElementsOf(JwtLibrary.ids());

        assertThat(RunDirectory.load(run).strategies()).extracting(StrategyDescription::id)
                .as("what each strategy is, from the catalogue, for the report")
                .containsExactlyElementsOf(Strategies.ids());
        assertThat(run.resolve("report.md")).isNotEmptyFile();
        assertThat(run.resolve("report.html")).isNotEmptyFile();
        assertThat(run.resolve("charts/authenticate-caffeine.svg")).isNotEmptyFile();
        String report = Files.readString(run.resolve("report.md"));
        for (String strategy : all) {
            assertThat(report).as("headline row of " + strategy).containsPattern("\\| " + strategy + " \\| HS256 \\|");
        }
        for (String library : JwtLibrary.ids()) {
            assertThat(report).as("the cost shares of " + library)
                    .containsPattern("\\| HS256 \\| stateless-jwt \\| " + library + " \\|");
        }
        assertThat(AuthbenchCommand.execute("compare", run.toString(), run.toString()))
                .as("a run compared with itself").isZero();
    }

    /** The JWT libraries ({@code codec}) a benchmark method ran on for a strategy ("-" for none). */
    private static List<String> codecsOf(ObjectMapper json, Path run, String method, String strategy)
            throws IOException {
        List<String> codecs = new ArrayList<>();
        for (JsonNode result : json.readTree(run.resolve("jmh-timed.json").toFile())) {
            if (result.path("benchmark").asText().endsWith("." + method)
                    && result.path("params").path("strategy").asText("-").equals(strategy)) {
                codecs.add(result.path("params").path("codec").asText());
            }
        }
        return codecs;
    }
}

package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.bench.cli.AuthbenchCommand;
import io.github.authbench.strategy.StrategyKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./authbench http} end to end on a tiny sweep: a real server process on loopback, the driver in this JVM, two
 * rates, a few seconds, on two server JVMs. Checks what a user gets: the table, the report, the JSON and the
 * HdrHistogram logs.
 */
class HttpSweepTest {

    @TempDir
    Path output;

    @Test
    void aTinySweepPrintsTheTableAndWritesEveryFile() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = AuthbenchCommand.execute("http", "--strategies", "session", "--rates", "100,2,200,0",
                    "--step", "250ms,1s", "--warmup", "200", "--users", "20", "--login-every", "10", "--no-pin",
                    "--servers", "2", "--output", output.toString());
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        original.print(out);

        assertThat(status).isZero();
        assertThat(out).contains("highest rate", "p99 <= 10.0 ms", "driver lag p99 at the highest rate reported");
        assertThat(out.lines().filter(line -> line.startsWith("ping ") || line.startsWith("session ")))
                .hasSize(2);
        assertThat(out).contains("each strategy on 2 server JVMs, one after another; its row is the median server's");
        assertThat(out.lines().filter(line -> line.startsWith("  session ") && line.contains("/s, ")))
                .as("each server's highest rate").hasSize(1);
        assertThat(out.lines().filter(line -> !line.startsWith("wrote ") && !line.startsWith("authbench http:")))
                .as("everything but the lines that name paths fits 120 columns")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));

        Path run;
        try (Stream<Path> runs = Files.list(output)) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode json = new ObjectMapper().readTree(run.resolve("http.json").toFile());
        assertThat(json.get("targets")).hasSize(2);
        assertThat(json.get("driver").asText()).as("not pinned: the driver shares the CPUs, so it must not poll")
                .endsWith("sleeping between events");
        for (JsonNode target : json.get("targets")) {
            JsonNode steps = target.get("steps");
            assertThat(steps).as(target.get("target").asText()).isNotEmpty();
            JsonNode first = steps.get(0);
            assertThat(first.get("offeredRate").asDouble()).isEqualTo(100.0);
            assertThat(first.get("scheduled").asLong()).as("1 s at 100/s").isEqualTo(100);
            assertThat(first.get("failed").asLong()).as("nothing fails at 100/s").isZero();
            assertThat(first.get("latencyMicros").get("p50").asLong()).isPositive();
            JsonNode warmup = target.get("warmup");
            assertThat(warmup.get("requests").asLong()).as("at least --warmup").isGreaterThanOrEqualTo(200);
            assertThat(warmup.get("lastRoundCompileMillis").asLong())
                    .as("the server says how long its JIT compiled in the warm-up's last round").isNotNegative();
        }
        assertThat(json.get("sweep").get("connections").asInt()).isEqualTo(16);
        assertThat(json.get("sweep").get("warmup").asText()).contains("JIT");
        assertThat(json.get("targets").get(1).get("setup").asText()).isEqualTo("session HS256 jjwt CAFFEINE TYPICAL COOKIE");

        JsonNode session = json.get("targets").get(1);
        JsonNode servers = session.get("servers");
        assertThat(servers).as("both servers' runs").hasSize(2);
        JsonNode median = servers.get(session.get("medianServer").asInt() - 1);
        assertThat(session.get("highestRateMeetingSlo")).as("the row is its median server's")
                .isEqualTo(median.get("highestRateMeetingSlo"));
        assertThat(session.get("steps")).isEqualTo(median.get("steps"));
        servers.forEach(server -> assertThat(server.get("warmup").get("requests").asLong())
                .isGreaterThanOrEqualTo(200));
        assertThat(json.get("targets").get(0).has("servers")).as("ping runs once, on the first server").isFalse();
        assertThat(json.get("sweep").get("serversPerStrategy").asInt()).isEqualTo(2);

        List<EncodableHistogram> intervals = new ArrayList<>();
        HistogramLogReader log = new HistogramLogReader(run.resolve("hdr/session.hlog").toFile());
        for (EncodableHistogram interval = log.nextIntervalHistogram(); interval != null;
                interval = log.nextIntervalHistogram()) {
            intervals.add(interval);
        }
        assertThat(intervals).as("every server's steps").hasSize(servers.get(0).get("steps").size()
                + servers.get(1).get("steps").size());
        assertThat(intervals.get(0).getTag()).isEqualTo("server-1-rate-100");
        assertThat(intervals).extracting(EncodableHistogram::getTag).contains("server-2-rate-100");

        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("## Highest rate within the objective", "| session |", "charts/session.svg",
                "each server |",
                "## Cost against /ping", "- driver: one Netty event loop (");
        assertThat(Files.readString(run.resolve("charts/session.svg"))).startsWith("<svg").contains("p99");
        assertThat(Files.readString(run.resolve("server.log"))).contains("listening on http://127.0.0.1:");
    }

    @Test
    void aServerStartedElsewhereIsLoadedAsItsInfoDescribesIt() throws Exception {
        ServerSetup setup = new ServerSetup(StrategyKind.STATELESS_JWT, "HS256", "jjwt", StoreKind.CAFFEINE,
                Payload.SMALL, CredentialTransport.BEARER);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        try (AuthServer server = AuthServer.start(setup, "127.0.0.1", 0)) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            status = AuthbenchCommand.execute("http", "--target", server.uri().toString(), "--rates", "100,2,100,0",
                    "--step", "0ms,500ms", "--warmup", "100", "--users", "10", "--output", output.toString());
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        original.print(out);

        assertThat(status).isZero();
        assertThat(out.lines().filter(line -> line.startsWith("ping ") || line.startsWith("stateless-jwt ")))
                .hasSize(2);
        Path run;
        try (Stream<Path> runs = Files.list(output)) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode json = new ObjectMapper().readTree(run.resolve("http.json").toFile());
        assertThat(json.get("targets").get(1).get("setup").asText()).isEqualTo(setup.describe());
    }

    @Test
    void mistakesOnTheCommandLineAreOneLineAndExitTwo() {
        assertThat(AuthbenchCommand.execute("http", "--strategies", "nosuch", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--rates", "100,1,200,0", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--step", "1s", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--target", "ftp://x", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--connections", "0", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--servers", "0", "--output", output.toString())).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--servers", "2", "--target", "http://127.0.0.1:1/", "--output",
                output.toString())).as("someone else's server cannot be restarted").isEqualTo(2);
        assertThat(AuthbenchCommand.execute("serve", "--port", "70000")).isEqualTo(2);
        assertThat(AuthbenchCommand.execute("http", "--target", "http://127.0.0.1:1/", "--no-pin", "--output",
                output.toString())).as("nothing listens on port 1: one line, exit 2").isEqualTo(2);
        assertThat(AuthbenchCommand.execute("serve", "--library", "java-jwt", "--algorithm", "EdDSA")).isEqualTo(2);
    }
}

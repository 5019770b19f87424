package io.github.authbench.bench.cli;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.bench.http.CpuPlacement;
import io.github.authbench.bench.http.HttpRun;
import io.github.authbench.bench.http.HttpSweep;
import io.github.authbench.bench.http.Micros;
import io.github.authbench.bench.http.OpenLoadDriver;
import io.github.authbench.bench.http.RateLadder;
import io.github.authbench.bench.http.ServerSetup;
import io.github.authbench.bench.http.SweepSettings;
import io.github.authbench.bench.http.TargetResult;
import io.github.authbench.bench.http.WarmupPlan;
import io.github.authbench.results.Environment;
import io.github.authbench.strategy.StrategyKind;
import io.github.authbench.testkit.RedisLocator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./authbench http}: every strategy behind a real HTTP server in its own JVM, loaded by an open-model driver in
 * this one at a ladder of rates, with {@code /ping} as the baseline; prints the table and writes a run directory with
 * the report, JSON and HdrHistogram logs. {@code --target URL} loads a server started elsewhere with {@code serve}.
 */
@Command(name = "http", description = "End to end: each strategy behind a real HTTP server under an open-model load.")
final class HttpCommand implements Callable<Integer> {

    /** Every strategy on the chosen algorithm, and the stateless JWT on the other two common algorithm families. */
    static final List<String> DEFAULT_TARGETS = defaultTargets();

    @Option(names = "--strategies", split = ",", paramLabel = "ID[:ALGORITHM]",
            description = "strategies to serve, comma-separated, each optionally with its own algorithm "
                    + "(default: every strategy, plus stateless-jwt:RS256 and stateless-jwt:ES256)")
    List<String> strategies = new ArrayList<>();

    @Mixin
    ServerOptions server;

    @Option(names = "--target", paramLabel = "URL",
            description = "load a server started with ./authbench serve instead of starting servers here")
    URI target;

    @Option(names = "--slo", defaultValue = "10ms", description = "the p99 a rate must stay within (default 10ms)")
    String slo;

    @Option(names = "--rates", defaultValue = "1000,2,32000,3", paramLabel = "FIRST,FACTOR,HIGHEST,REFINEMENTS",
            description = "the ladder: first rate, factor between rungs, highest rate, bisections after the first miss "
                    + "(default 1000,2,32000,3)")
    String rates;

    @Option(names = "--step", defaultValue = "500ms,2000ms", paramLabel = "SETTLE,MEASURE",
            description = "per rate: time not recorded, then time measured (default 500ms,2000ms)")
    String step;

    @Option(names = "--warmup", defaultValue = "10000",
            description = "the fewest requests before each ladder, sent as fast as the server answers, not recorded; the "
                    + "warm-up goes on until the server's JIT is quiet and its rate steady (default 10000, at most 60 s)")
    long warmup;

    @Option(names = "--users", defaultValue = "1000", description = "live logins the load authenticates with (default 1000)")
    int users;

    @Option(names = "--login-every", defaultValue = "100", description = "one request in N is a login (default 100)")
    int loginEvery;

    @Option(names = "--connections", defaultValue = "16",
            description = "the most keep-alive connections to a server, one request at a time on each; a request due "
                    + "while all are busy waits, and the wait counts in its latency (default 16)")
    int connections;

    @Option(names = "--servers", defaultValue = "1",
            description = "server JVMs per strategy, one after another, each warmed up and climbed on its own; a row "
                    + "is the median server (default 1; a server's capacity differs from one JVM start to the next)")
    int servers;

    @Option(names = "--no-pin", negatable = false,
            description = "do not pin server and driver to separate CPUs (by default they are, where taskset exists)")
    boolean noPin;

    @Option(names = "--output", defaultValue = "results/http", description = "where run directories go")
    Path output;

    @Override
    public Integer call() throws Exception {
        SweepSettings settings = settings();
        Map<String, ServerSetup> setups = new LinkedHashMap<>();
        if (target == null) {
            for (String entry : strategies.isEmpty() ? DEFAULT_TARGETS : strategies) {
                String[] parts = entry.strip().split(":", 2);
                ServerSetup setup = parts.length == 1 ? server.setup(ServerOptions.strategy(parts[0]))
                        : server.setup(ServerOptions.strategy(parts[0]), parts[1]);
                setups.put(parts.length == 1 ? parts[0] : parts[0] + "-" + parts[1], setup);
            }
        } else if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new UsageException("--target must be an http:// URL of ./authbench serve, not '" + target + "'");
        }
        Instant started = Instant.now();
        Path run = output.resolve("http-" + RunCommand.stamp(started));
        Files.createDirectories(run);
        Map<String, String> environment = Map.of();
        if (target == null && server.storeKind() == StoreKind.REDIS) {
            // One Redis for the whole sweep, started before the driver is pinned so it is not confined to its CPUs.
            environment = Map.of("REDIS_URL", RedisLocator.forThisJvm().url());
        }
        CpuPlacement placement = target == null ? CpuPlacement.choose(!noPin) : CpuPlacement.choose(false);
        Environment machine = EnvironmentProbe.capture();
        placement.pinThisJvm();
        System.out.println("authbench http: " + (target == null ? setups.size() + " strategies on " + server.storeKind()
                : "the server at " + target) + ", into " + run);
        System.out.println("  on " + machine.oneLine());
        System.out.println("  " + placement.describe() + "; open model, p99 objective " + Micros.format(
                settings.sloMicros()) + ", ladder " + settings.ladder().rungs().stream().map(r -> String.format("%,.0f", r))
                .toList() + " /s");
        List<TargetResult> results;
        String driverKind;
        try (OpenLoadDriver driver = new OpenLoadDriver(settings.timeout(), placement.pinned())) {
            driverKind = driver.transport();
            System.out.println("  driver: one Netty event loop (" + driverKind + ")");
            HttpSweep sweep = new HttpSweep(driver, settings, line -> System.out.println("  " + line));
            results = target == null
                    ? sweep.run(setups, placement, environment, run.resolve("server.log"))
                    : sweep.runAgainst(target);
        } catch (IOException e) {
            // Nothing is written until the sweep ends, so the run directory holds at most the servers' log.
            throw new UsageException("the sweep stopped: " + e.getMessage() + "; " + run
                    + " has no results (server.log says what the servers printed)");
        }
        HttpRun written = new HttpRun(settings, placement, driverKind, machine, results, Duration.between(started, Instant.now()));
        written.print(System.out);
        for (Path file : written.write(run)) {
            System.out.println("wrote " + file.toAbsolutePath());
        }
        return 0;
    }

    private static List<String> defaultTargets() {
        List<String> targets = new ArrayList<>(StrategyKind.ids(all -> true));
        targets.add(StrategyKind.STATELESS_JWT.id() + ":RS256");
        targets.add(StrategyKind.STATELESS_JWT.id() + ":ES256");
        return List.copyOf(targets);
    }

    private SweepSettings settings() {
        String[] ladder = rates.split(",");
        String[] steps = step.split(",");
        if (ladder.length != 4 || steps.length != 2) {
            throw new UsageException("--rates is FIRST,FACTOR,HIGHEST,REFINEMENTS and --step is SETTLE,MEASURE");
        }
        RateLadder rateLadder;
        try {
            rateLadder = new RateLadder(Double.parseDouble(ladder[0]), Double.parseDouble(ladder[1]),
                    Double.parseDouble(ladder[2]), Integer.parseInt(ladder[3].strip()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rates '" + rates + "': " + e.getMessage());
        }
        if (warmup < 0 || warmup > 10_000_000) {
            throw new UsageException("--warmup must be 0..10000000 requests, not " + warmup);
        }
        if (users < 1 || users > 1_000_000) {
            throw new UsageException("--users must be 1..1000000, not " + users);
        }
        if (connections < 1 || connections > 1024) {
            throw new UsageException("--connections must be 1..1024, not " + connections);
        }
        if (servers < 1 || servers > 15) {
            throw new UsageException("--servers must be 1..15, not " + servers);
        }
        if (servers > 1 && target != null) {
            throw new UsageException("--servers starts servers here; with --target the server is someone else's");
        }
        if (loginEvery < 2) {
            throw new UsageException("--login-every must be at least 2, not " + loginEvery);
        }
        Duration measure = duration(steps[1], "--step");
        if (measure.isZero()) {
            throw new UsageException("--step must measure for some time");
        }
        return new SweepSettings(rateLadder, WarmupPlan.atLeast(warmup), duration(steps[0], "--step"), measure,
                Duration.ofSeconds(2), duration(slo, "--slo").toNanos() / 1_000, users, loginEvery,
                connections, servers);
    }

    /** {@code 250ms}, {@code 3s}: a bounded, non-negative duration. */
    static Duration duration(String text, String option) {
        String value = text.strip();
        try {
            Duration parsed = value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                    : value.endsWith("s") ? Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)))
                    : null;
            if (parsed != null && !parsed.isNegative() && parsed.compareTo(Duration.ofMinutes(10)) <= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException(option + " takes durations like 250ms or 3s (at most 10 minutes), not '" + text + "'");
    }
}

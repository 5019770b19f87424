package io.github.authbench.bench.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads servers one after another with the same driver: for each, a population of real logins, a warm-up, then the
 * ladder. {@code /ping} climbs the ladder once, on the first server, as the baseline every strategy is read against.
 */
public final class HttpSweep {

    private final OpenLoadDriver driver;
    private final SweepSettings settings;
    private final Consumer<String> progress;

    public HttpSweep(OpenLoadDriver driver, SweepSettings settings, Consumer<String> progress) {
        this.driver = driver;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Starts the settings' number of server processes per setup on loopback, one after another (the keys name the
     * rows), loads each, stops it; {@code /ping} climbs once, on the first server.
     */
    public List<TargetResult> run(Map<String, ServerSetup> setups, CpuPlacement placement,
            Map<String, String> environment, Path serverLog) throws IOException, InterruptedException {
        List<TargetResult> results = new ArrayList<>();
        int count = settings.servers();
        for (Map.Entry<String, ServerSetup> setup : setups.entrySet()) {
            String name = setup.getKey();
            List<TargetResult.ServerRun> runs = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                progress.accept(name + ": starting its server" + (count > 1 ? " (" + i + " of " + count + ")" : ""));
                try (ServerProcess process = ServerProcess.start(setup.getValue(), placement, environment, serverLog);
                        HttpConnections server = driver.connect(process.uri(), settings.connections())) {
                    if (results.isEmpty() && runs.isEmpty()) {
                        results.add(new TargetResult(TargetResult.PING, setup.getValue().describe(),
                                List.of(climb(server, new PingWorkload(server)))));
                    }
                    runs.add(climb(server, name, setup.getValue()));
                }
            }
            results.add(new TargetResult(name, setup.getValue().describe(), runs));
        }
        return results;
    }

    /** Loads a server someone else started ({@code ./authbench serve}), as its {@code /info} describes it. */
    public List<TargetResult> runAgainst(URI target) throws IOException, InterruptedException {
        ServerSetup setup;
        try {
            setup = ServerSetup.fromInfo(info(target));
        } catch (IllegalArgumentException e) {
            throw new IOException(target.resolve("/info") + " does not describe an ./authbench serve: "
                    + e.getMessage());
        }
        try (HttpConnections server = driver.connect(target, settings.connections())) {
            return List.of(new TargetResult(TargetResult.PING, setup.describe(),
                            List.of(climb(server, new PingWorkload(server)))),
                    new TargetResult(setup.strategy().id(), setup.describe(),
                            List.of(climb(server, setup.strategy().id(), setup))));
        }
    }

    /** Logs the population in and climbs the strategy's traffic on one server. */
    private TargetResult.ServerRun climb(HttpConnections server, String name, ServerSetup setup)
            throws IOException, InterruptedException {
        progress.accept(name + ": logging " + settings.population() + " users in");
        Population population = Population.logIn(server, setup.transport(), settings.population(),
                settings.timeout().multipliedBy(10));
        TargetResult.ServerRun run = climb(server,
                new AuthWorkload(server, population, setup.transport(), settings.loginEvery(), name));
        if (settings.servers() > 1) {
            progress.accept(name + ": this server sustained " + HttpRun.highest(run.climb()));
        }
        return run;
    }

    private TargetResult.ServerRun climb(HttpConnections server, Workload workload)
            throws IOException, InterruptedException {
        RateLadder ladder = settings.ladder();
        OpenLoadDriver.Warmup warmup = driver.warmUp(workload, settings.warmup(),
                () -> ServerInfo.compilerMillis(ServerInfo.fetch(server, settings.timeout())));
        progress.accept(String.format(Locale.ROOT, "%s: warmed up with %,d requests in %.1f s, %s at %,.0f/s%s",
                workload.name(), warmup.requests(), warmup.took().toNanos() / 1e9,
                warmup.settled() ? "steady" : "NOT steady", warmup.lastRate(),
                warmup.lastRoundCompileMillis() < 0 ? " (the server does not say how long its JIT compiled)"
                        : ", server JIT " + warmup.lastRoundCompileMillis() + " ms in the last round"));
        RateLadder.Climb climb = ladder.climb(rate -> {
            LoadStep step = driver.run(workload, rate, settings.settle(), settings.measure());
            progress.accept(String.format(Locale.ROOT, "%s: %,.0f/s p50 %s p99 %s%s", workload.name(), rate,
                    Micros.format(step.percentileMicros(50)), Micros.format(step.percentileMicros(99)),
                    step.failed() > 0 ? ", " + step.failed() + " failed (" + LoadStep.describe(step.failures()) + ")"
                            : ""));
            return step;
        }, settings.sloMicros());
        return new TargetResult.ServerRun(warmup, climb);
    }

    private Map<String, Object> info(URI target) throws IOException, InterruptedException {
        try (HttpConnections server = driver.connect(target, 1)) {
            return ServerInfo.fetch(server, settings.timeout());
        }
    }
}

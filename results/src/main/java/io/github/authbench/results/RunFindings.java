package io.github.authbench.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Questions a report asks of one run: the result of a benchmark for a strategy, algorithm, store and payload; the
 * floors; percentiles of single shots. Parameters a benchmark does not have (floors have no strategy) match anything.
 * Unless a question names them, the JWT library is the run's default (the first {@code codec} of run.json) and the JDK
 * the first one measured.
 */
public final class RunFindings {

    public static final String AUTHENTICATE = "AuthenticateBenchmark.authenticate";
    public static final String THROUGHPUT_2_THREADS = "AuthenticateBenchmark.throughput2Threads";
    public static final String REJECT = "RejectBenchmark.reject";
    public static final String LOGIN = "LoginBenchmark.login";
    public static final String REFRESH = "RefreshBenchmark.refresh";
    public static final String LOGOUT = "LogoutBenchmark.logout";
    public static final String REVOCATION = "RevocationLatencyBenchmark.logoutOnAUntilBRejects";
    public static final String LIBRARY_FLOOR = "FloorBenchmark.libraryVerify";
    public static final String RAW_VERIFY_FLOOR = "FloorBenchmark.rawVerify";
    public static final String CAFFEINE_FLOOR = "FloorBenchmark.caffeineGetWithIdCheck";
    public static final String RANDOM_FLOOR = "FloorBenchmark.secureRandom32Bytes";
    public static final String REDIS_FLOOR = "RedisFloorBenchmark.redisGet";

    /** The payload a headline is about; the others appear in the size chart. */
    public static final String MAIN_PAYLOAD = "TYPICAL";

    private final RunDirectory run;

    public RunFindings(RunDirectory run) {
        this.run = run;
    }

    public RunDirectory run() {
        return run;
    }

    /** The deterministic rows of one store and payload: one per strategy and algorithm, in the run's order. */
    public List<ExactMeasurement> rows(String store, String payload) {
        return run.exact().stream().filter(m -> m.store().equals(store) && m.payload().equals(payload)).toList();
    }

    public List<String> stores() {
        return run.manifest().stores();
    }

    public List<String> algorithms() {
        return run.exact().stream().map(ExactMeasurement::algorithm).distinct().toList();
    }

    public List<String> strategies() {
        return run.exact().stream().map(ExactMeasurement::strategy).distinct().toList();
    }

    /** The payloads of the exact pass, smallest first. */
    public List<String> payloads() {
        return run.exact().stream().map(ExactMeasurement::payload).distinct().toList();
    }

    /** The JWT libraries the run measured (the {@code codec} parameter), the default first; empty before schema 4. */
    public List<String> libraries() {
        return run.manifest().parameters().getOrDefault("codec", List.of());
    }

    /** The JDKs the run measured side by side (the {@code jdk} parameter, feature versions); empty for one JDK. */
    public List<String> jdks() {
        return run.manifest().parameters().getOrDefault("jdk", List.of());
    }

    /** The primary metric of {@code name} for the strategy, algorithm, store and payload of {@code m}. */
    public Optional<Metric> find(String name, ExactMeasurement m) {
        return find(name, m, Map.of());
    }

    /**
     * The same, on other axes: {@code codec} (a JWT library) or {@code jdk}. A strategy whose credential is not signed
     * costs the same at every algorithm, and one that keeps no server state the same on every store, so a run measures
     * it at one: it is found whatever the algorithm or store asked.
     */
    public Optional<Metric> find(String name, ExactMeasurement m, Map<String, String> axes) {
        Map<String, String> wanted = new HashMap<>(Map.of("strategy", m.strategy(), "payload", m.payload()));
        Optional<StrategyDescription> strategy = run.strategy(m.strategy());
        if (strategy.map(StrategyDescription::signed).orElse(true)) {
            wanted.put("algorithm", m.algorithm());
        }
        if (strategy.map(StrategyDescription::keepsServerState).orElse(true)) {
            wanted.put("store", m.store());
        }
        wanted.putAll(axes);
        return find(name, wanted);
    }

    public Optional<Metric> floor(String name, String algorithm) {
        return floor(name, algorithm, Map.of());
    }

    /** A floor on other axes: {@code codec} for a library's verify, or {@code jdk}. */
    public Optional<Metric> floor(String name, String algorithm, Map<String, String> axes) {
        Map<String, String> wanted = new HashMap<>(axes);
        if (algorithm != null) {
            wanted.put("algorithm", algorithm);
        }
        return find(name, wanted);
    }

    private Optional<Metric> find(String name, Map<String, String> asked) {
        Map<String, String> wanted = new HashMap<>(asked);
        if (!libraries().isEmpty()) {
            wanted.putIfAbsent("codec", libraries().get(0));
        }
        if (!jdks().isEmpty()) {
            wanted.putIfAbsent("jdk", jdks().get(0));
        }
        Predicate<BenchmarkResult> matches = result -> wanted.entrySet().stream()
                .allMatch(e -> result.param(e.getKey()) == null || Objects.equals(result.param(e.getKey()), e.getValue()));
        return run.of(name).stream().filter(matches).findFirst().map(BenchmarkResult::primary);
    }

    /**
     * What no implementation of this strategy can go below per request, in nanoseconds: the default JWT library's
     * verify if the credential is a JWT, plus one bare store read per store call (Caffeine get + id check, or a Redis
     * GET).
     */
    public OptionalDouble authenticateFloorNanos(ExactMeasurement m) {
        double floor = 0;
        StrategyDescription traits = run.strategy(m.strategy()).orElse(null);
        if (traits == null) {
            return OptionalDouble.empty();
        }
        if (traits.signed()) {
            Optional<Metric> library = floor(LIBRARY_FLOOR, m.algorithm());
            if (library.isEmpty()) {
                return OptionalDouble.empty();
            }
            floor += nanos(library.get());
        }
        if (m.storeCallsPerAuthenticate() > 0) {
            Optional<Metric> get = floor(m.store().equals("REDIS") ? REDIS_FLOOR : CAFFEINE_FLOOR, null);
            if (get.isEmpty()) {
                return OptionalDouble.empty();
            }
            floor += nanos(get.get()) * m.storeCallsPerAuthenticate();
        }
        return OptionalDouble.of(floor);
    }

    /**
     * The scores of benchmarks timed over many calls (average time and throughput) that ran in this JVM's process: not
     * shots, whose spread is the finding, and nothing that waited on Redis. The quick profile's error-bar goal
     * is counted over these.
     */
    public List<Metric> inProcessTimedScores() {
        return run.benchmarks().stream()
                .filter(result -> result.mode().equals("avgt") || result.mode().equals("thrpt"))
                .filter(result -> !"REDIS".equals(result.param("store")) && !result.name().equals(REDIS_FLOOR))
                .map(BenchmarkResult::primary)
                .toList();
    }

    /** The precision target of the run's timed scores (the quick and full profiles have one). */
    public OptionalDouble precisionTarget() {
        return run.benchmarks().stream().filter(result -> result.precision() != null)
                .mapToDouble(result -> result.precision().target()).findFirst();
    }

    public static double nanos(Metric metric) {
        return Units.toNanos(metric.score(), metric.unit());
    }

    /** A percentile (0-100) of all raw samples, in nanoseconds: for shots, where the mean hides the tail. */
    public static double percentileNanos(Metric metric, double percentile) {
        return Units.toNanos(new Percentile(percentile).evaluate(metric.samples()), metric.unit());
    }
}

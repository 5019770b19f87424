package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which scores the quick profile's error-bar goal is counted over. */
class RunFindingsTest {

    private static BenchmarkResult result(String benchmark, String mode, String store, double score) {
        TreeMap<String, String> params = new TreeMap<>();
        if (store != null) {
            params.put("store", store);
        }
        return new BenchmarkResult("io.github.authbench.bench." + benchmark, mode, 1, params,
                new Metric(score, 1, "ns/op", List.of(new double[] {score})), Map.of(), null);
    }

    @Test
    void theErrorBarGoalCountsTimedInProcessScoresOnly() {
        List<BenchmarkResult> benchmarks = List.of(
                result("AuthenticateBenchmark.authenticate", "avgt", "CAFFEINE", 100),
                result("AuthenticateBenchmark.throughput2Threads", "thrpt", "CAFFEINE", 200),
                result("FloorBenchmark.jjwtParse", "avgt", null, 300),
                result("AuthenticateBenchmark.authenticate", "avgt", "REDIS", 400),
                result("RedisFloorBenchmark.redisGet", "avgt", null, 500),
                result("LogoutBenchmark.logout", "ss", "CAFFEINE", 600));
        RunFindings findings = new RunFindings(new RunDirectory(Path.of("run"), null, List.of(), List.of(), benchmarks));

        assertThat(findings.inProcessTimedScores()).extracting(Metric::score).containsExactly(100.0, 200.0, 300.0);
    }

    @Test
    void aStrategyWithoutServerStateIsFoundOnEveryStoreAndOneWithStateOnlyOnItsOwn() {
        List<BenchmarkResult> benchmarks = List.of(
                authenticate("stateless-jwt", "CAFFEINE", 20_000),
                authenticate("session", "CAFFEINE", 170),
                authenticate("session", "REDIS", 85_000));
        List<StrategyDescription> strategies = List.of(
                new StrategyDescription("session", "OPAQUE_ID", false, false, true, true, false, "id", "session"),
                new StrategyDescription("stateless-jwt", "JWT_WITH_CLAIMS", true, true, false, false, false, "jwt",
                        "nothing"));
        RunManifest manifest = new RunManifest(RunManifest.SCHEMA_VERSION, "full", List.of("CAFFEINE", "REDIS"), null,
                Map.of("algorithm", List.of("HS256")), Map.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH,
                RunFixture.MACHINE);
        RunFindings findings = new RunFindings(new RunDirectory(Path.of("run"), manifest, strategies, List.of(),
                benchmarks));

        assertThat(findings.find("AuthenticateBenchmark.authenticate", onRedis("stateless-jwt")))
                .hasValueSatisfying(metric -> assertThat(metric.score()).isEqualTo(20_000));
        assertThat(findings.find("AuthenticateBenchmark.authenticate", onRedis("session")))
                .hasValueSatisfying(metric -> assertThat(metric.score()).isEqualTo(85_000));
        assertThat(findings.find("LoginBenchmark.login", onRedis("session"))).isEmpty();
    }

    private static BenchmarkResult authenticate(String strategy, String store, double score) {
        TreeMap<String, String> params = new TreeMap<>(Map.of("strategy", strategy, "store", store,
                "algorithm", "HS256", "payload", "TYPICAL"));
        return new BenchmarkResult("io.github.authbench.bench.AuthenticateBenchmark.authenticate", "avgt", 1, params,
                new Metric(score, 1, "ns/op", List.of(new double[] {score})), Map.of(), null);
    }

    private static ExactMeasurement onRedis(String strategy) {
        return new ExactMeasurement(strategy, "HS256", "TYPICAL", "REDIS", 100, 122, 120, 152, true, true, null, 700, 1,
                1, 1, 0, 0, 0, 0);
    }
}

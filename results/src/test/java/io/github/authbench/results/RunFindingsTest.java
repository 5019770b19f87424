package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}

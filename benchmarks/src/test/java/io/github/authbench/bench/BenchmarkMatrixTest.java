package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.strategy.StrategyKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * Every benchmark measures exactly the strategies of the catalogue its operation applies to, and forks with the suite's
 * JVM settings, so a strategy added to {@link StrategyKind} is measured wherever it belongs, or this test says where
 * its id is missing.
 */
class BenchmarkMatrixTest {

    private static final Map<Class<?>, List<String>> EXPECTED = Map.of(
            AuthenticateBenchmark.class, StrategySubsets.ALL,
            LoginBenchmark.class, StrategySubsets.ALL,
            RejectBenchmark.class, StrategySubsets.ALL,
            RefreshBenchmark.class, StrategySubsets.REFRESHABLE,
            LogoutBenchmark.class, StrategySubsets.WITH_SERVER_STATE,
            RevocationLatencyBenchmark.class, StrategySubsets.REVOKED_AT_ONCE);

    @Test
    void eachBenchmarkRunsTheCataloguesSubsetForItsOperation() throws NoSuchFieldException {
        for (Map.Entry<Class<?>, List<String>> benchmark : EXPECTED.entrySet()) {
            Param strategies = benchmark.getKey().getField("strategy").getAnnotation(Param.class);

            assertThat(Arrays.asList(strategies.value()))
                    .as("the strategy parameter of %s", benchmark.getKey().getSimpleName())
                    .containsExactlyElementsOf(benchmark.getValue());
            assertThat(benchmark.getKey().getField("strategy").getDeclaringClass())
                    .as("%s takes its strategies from a base the build writes, not a list of its own",
                            benchmark.getKey().getSimpleName())
                    .isIn(EveryStrategy.class, RefreshableStrategy.class, StrategyWithServerState.class,
                            StrategyRevokedAtOnce.class);
        }
    }

    @Test
    void everyStrategyOfTheCatalogueIsMeasured() {
        assertThat(StrategySubsets.ALL).containsExactlyElementsOf(
                Arrays.stream(StrategyKind.values()).map(StrategyKind::id).toList());
    }

    @Test
    void everyBenchmarkClassForksWithTheSuitesJvmSettings() {
        for (Class<?> benchmark : List.of(AuthenticateBenchmark.class, LoginBenchmark.class, RejectBenchmark.class,
                RefreshBenchmark.class, LogoutBenchmark.class, RevocationLatencyBenchmark.class, FloorBenchmark.class,
                RedisFloorBenchmark.class)) {
            Fork fork = benchmark.getAnnotation(Fork.class);

            assertThat(fork).as(benchmark.getSimpleName()).isNotNull();
            assertThat(fork.jvmArgs()).as(benchmark.getSimpleName())
                    .containsExactly("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch");
        }
    }
}

package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.bench.StoreKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run measures nothing twice and asks nothing of a strategy or library that it lacks: sessions at one algorithm only;
 * the library axis on every JWT library but the default, only on JWT strategies a benchmark applies to and only at
 * algorithms the library supports, with the library's verify floor once per library.
 */
class RunPlanTest {

    private static Map<String, List<String>> run(List<String> algorithms) {
        Map<String, List<String>> run = new LinkedHashMap<>();
        run.put("algorithm", algorithms);
        run.put("payload", List.of("TYPICAL"));
        run.put("store", List.of("CAFFEINE"));
        run.put("codec", List.of("jjwt"));
        return run;
    }

    @Test
    void sessionsAreMeasuredAtTheFirstAlgorithmOnlyAndEveryFloorOncePerAlgorithm() {
        List<Invocation> timed = RunPlan.timed(run(List.of("HS256", "ES256")), Profile.QUICK.matrix);

        List<Invocation> firstAlgorithm = timed.stream()
                .filter(invocation -> invocation.parameters().get("algorithm").contains("HS256")).toList();
        assertThat(firstAlgorithm).allSatisfy(invocation ->
                assertThat(invocation.parameters().get("algorithm")).containsExactly("HS256"));
        assertThat(firstAlgorithm.get(0).parameters().get("strategy")).hasSize(7);
        assertThat(firstAlgorithm.get(0).includes()).contains(Invocation.pattern("FloorBenchmark"));
        List<Invocation> rest = timed.subList(firstAlgorithm.size(), timed.size());
        assertThat(rest).allSatisfy(invocation -> {
            assertThat(invocation.parameters().get("algorithm")).containsExactly("ES256");
            assertThat(invocation.parameters().get("strategy")).doesNotContain("session", "sliding-session");
        });
        assertThat(rest).flatExtracting(Invocation::includes).containsOnlyOnce(
                Invocation.pattern("FloorBenchmark.rawVerify"), Invocation.pattern(RunPlan.LIBRARY_FLOOR))
                .doesNotContain(Invocation.pattern("FloorBenchmark"));
        assertThat(rest.get(0).parameters().get("strategy"))
                .containsExactly("stateless-jwt", "stateful-jwt", "sliding-jwt", "access-refresh", "jwt-denylist");
        assertThat(rest.get(0).includes()).contains(Invocation.pattern("AuthenticateBenchmark.authenticate"),
                Invocation.pattern("RejectBenchmark"), Invocation.pattern("LoginBenchmark"))
                .as("throughput is measured at the first algorithm only")
                .doesNotContain(Invocation.pattern("AuthenticateBenchmark"));

        List<Invocation> shots = RunPlan.shots(run(List.of("HS256", "ES256")), Profile.FULL.matrix);
        assertThat(shots).hasSize(3);
        assertThat(shots.get(1).parameters().get("strategy")).containsExactly("stateful-jwt", "access-refresh",
                "jwt-denylist");
        assertThat(shots.get(2).parameters().get("strategy")).containsExactly("stateful-jwt", "jwt-denylist");
    }

    @Test
    void quickMeasuresShotsAtTheFirstAlgorithmOnly() {
        List<Invocation> shots = RunPlan.shots(run(List.of("HS256", "ES256")), Profile.QUICK.matrix);

        assertThat(shots).singleElement().satisfies(invocation -> {
            assertThat(invocation.parameters().get("algorithm")).containsExactly("HS256");
            assertThat(invocation.includes()).containsExactly(Profile.SHOTS);
        });
    }

    @Test
    void theStoreAxisOnlyForStrategiesWithServerStateAndOnlyAtTheFirstAlgorithm() {
        Map<String, List<String>> run = run(List.of("HS256", "ES256"));
        run.put("store", List.of("CAFFEINE", "REDIS"));
        run.put("payload", List.of("TYPICAL", "SMALL", "LARGE"));

        List<Invocation> timed = RunPlan.timed(run, Profile.FULL.matrix);

        List<Invocation> onRedis = timed.stream().filter(i -> i.parameters().get("store").contains("REDIS")).toList();
        assertThat(onRedis).isNotEmpty().allSatisfy(invocation -> {
            assertThat(invocation.parameters().get("store")).containsExactly("REDIS");
            assertThat(invocation.parameters().get("algorithm")).containsExactly("HS256");
            assertThat(invocation.parameters().get("strategy")).doesNotContain("stateless-jwt", "sliding-jwt");
        });
        assertThat(timed).flatExtracting(Invocation::includes)
                .containsOnlyOnce(Invocation.pattern("FloorBenchmark"), Invocation.pattern("RedisFloorBenchmark"));
        assertThat(onRedis).flatExtracting(Invocation::includes).contains(Invocation.pattern("RedisFloorBenchmark"))
                .doesNotContain(Invocation.pattern("FloorBenchmark"));
        List<Invocation> throughput = timed.stream().filter(i -> i.includes().stream()
                .anyMatch(include -> include.contains("throughput"))).toList();
        assertThat(throughput).hasSize(2).allSatisfy(invocation -> {
            // the 1-thread rate is authenticate's average time inverted: measured once, as authenticate
            assertThat(invocation.includes()).containsExactly(
                    Invocation.pattern("AuthenticateBenchmark.throughput2Threads"));
            assertThat(invocation.parameters().get("payload")).containsExactly("TYPICAL");
        });
        assertThat(RunPlan.libraryAxis(Profile.FULL.libraries, run)).isNotEmpty().allSatisfy(invocation -> {
            assertThat(invocation.parameters().get("store")).containsExactly("CAFFEINE");
            assertThat(invocation.parameters().get("payload")).containsExactly("TYPICAL");
        });
    }

    @Test
    void quickMeasuresTheTwoThreadThroughputOfTheTwoStrategiesTheScalingClaimCompares() {
        List<Invocation> throughput = RunPlan.timed(run(List.of("HS256", "ES256")), Profile.QUICK.matrix).stream()
                .filter(i -> i.includes().stream().anyMatch(include -> include.contains("throughput"))).toList();

        assertThat(throughput).singleElement().satisfies(invocation -> {
            assertThat(invocation.includes()).containsExactly(
                    Invocation.pattern("AuthenticateBenchmark.throughput2Threads"));
            assertThat(invocation.parameters().get("strategy")).containsExactly("session", "stateless-jwt");
        });
    }

    @Test
    void oneAlgorithmOnOneStoreIsOneInvocationPerSetOfStrategies() {
        assertThat(RunPlan.timed(run(List.of("HS256")), Profile.CI.matrix)).as("every strategy, refresh apart")
                .hasSize(2);
        assertThat(RunPlan.shots(run(List.of("HS256")), Profile.CI.matrix)).hasSize(1);
    }

    @Test
    void quickCrossesStatelessJwtWithEveryOtherLibraryBesideItsFloor() {
        List<Invocation> plan = RunPlan.libraryAxis(Profile.QUICK.libraries, run(List.of("HS256", "ES256")));

        assertThat(plan).extracting(invocation -> invocation.parameters().get("codec"))
                .containsExactly(List.of("nimbus"), List.of("java-jwt"));
        for (Invocation invocation : plan) {
            assertThat(invocation.parameters().get("strategy")).containsExactly("stateless-jwt");
            assertThat(invocation.parameters().get("algorithm")).containsExactly("HS256", "ES256");
            assertThat(invocation.parameters().get("payload")).containsExactly("TYPICAL");
            assertThat(invocation.includes()).containsExactly(Invocation.pattern("AuthenticateBenchmark.authenticate"),
                    Invocation.pattern("LoginBenchmark.login"), Invocation.pattern(RunPlan.LIBRARY_FLOOR));
        }
    }

    @Test
    void aLibraryIsNeverAskedForAnAlgorithmItLacksNorABenchmarkForAStrategyItDoesNotApplyTo() {
        List<Invocation> plan = RunPlan.libraryAxis(Profile.FULL.libraries,
                run(List.of("HS256", "RS256", "ES256", "EdDSA")));

        Invocation javaJwtRefresh = plan.stream()
                .filter(i -> i.parameters().get("codec").equals(List.of("java-jwt"))
                        && i.includes().contains(Invocation.pattern("RefreshBenchmark.refresh")))
                .findFirst().orElseThrow();
        assertThat(javaJwtRefresh.parameters().get("algorithm")).containsExactly("HS256", "RS256", "ES256");
        assertThat(javaJwtRefresh.parameters().get("strategy")).containsExactly("sliding-jwt", "access-refresh");
        assertThat(plan).allSatisfy(invocation -> assertThat(invocation.parameters().get("strategy"))
                .doesNotContain("session", "sliding-session"));
        assertThat(plan).filteredOn(i -> i.includes().contains(Invocation.pattern(RunPlan.LIBRARY_FLOOR)))
                .hasSize(2);
    }

    @Test
    void aProfileWithoutTheAxisPlansNothing() {
        assertThat(RunPlan.libraryAxis(Profile.CI.libraries, run(List.of("HS256")))).isEmpty();
    }

    /** ab runs one fork per step: the ci profile's every benchmark and strategy, once each, each alone. */
    @Test
    void abRunsEveryBenchmarkOfTheProfileAloneOnce() {
        List<AbSession.Step> plan = AbSession.plan(Profile.CI, List.of(StoreKind.CAFFEINE));
        assertThat(plan).extracting(step -> step.invocation().label()).doesNotHaveDuplicates()
                .contains("AuthenticateBenchmark.authenticate session", "RefreshBenchmark.refresh access-refresh",
                        "FloorBenchmark.rawVerify", "RevocationLatencyBenchmark.logoutOnAUntilBRejects jwt-denylist")
                .doesNotContain("RefreshBenchmark.refresh session", "LogoutBenchmark.logout stateless-jwt");
        assertThat(plan).hasSize(36).allSatisfy(step -> {
            assertThat(step.invocation().includes()).hasSize(1);
            assertThat(step.invocation().parameters().values()).allSatisfy(values -> assertThat(values).hasSize(1));
        });
        assertThat(plan).filteredOn(AbSession.Step::singleShots).hasSize(9);
        assertThat(plan).filteredOn(step -> step.invocation().label().equals("FloorBenchmark.rawVerify"))
                .singleElement().satisfies(step -> assertThat(step.invocation().parameters())
                        .containsOnlyKeys("algorithm"));
    }
}

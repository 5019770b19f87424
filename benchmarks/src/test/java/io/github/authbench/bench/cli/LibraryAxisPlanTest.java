package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library axis runs every JWT library but the default on the benchmarks a profile names, only on JWT strategies a
 * benchmark applies to and only at algorithms the library supports, with the library's verify floor once per library.
 */
class LibraryAxisPlanTest {

    private static Map<String, List<String>> run(List<String> algorithms) {
        Map<String, List<String>> run = new LinkedHashMap<>();
        run.put("algorithm", algorithms);
        run.put("payload", List.of("TYPICAL"));
        run.put("store", List.of("CAFFEINE"));
        return run;
    }

    @Test
    void quickCrossesStatelessJwtWithEveryOtherLibraryBesideItsFloor() {
        List<Invocation> plan = LibraryAxisPlan.plan(Profile.QUICK.libraries, run(List.of("HS256", "ES256")));

        assertThat(plan).extracting(invocation -> invocation.parameters().get("codec"))
                .containsExactly(List.of("nimbus"), List.of("java-jwt"));
        for (Invocation invocation : plan) {
            assertThat(invocation.parameters().get("strategy")).containsExactly("stateless-jwt");
            assertThat(invocation.parameters().get("algorithm")).containsExactly("HS256", "ES256");
            assertThat(invocation.parameters().get("payload")).containsExactly("TYPICAL");
            assertThat(invocation.includes()).containsExactly(Invocation.method("AuthenticateBenchmark.authenticate"),
                    Invocation.method("LoginBenchmark.login"), Invocation.method(LibraryAxisPlan.LIBRARY_FLOOR));
        }
    }

    @Test
    void aLibraryIsNeverAskedForAnAlgorithmItLacksNorABenchmarkForAStrategyItDoesNotApplyTo() {
        List<Invocation> plan = LibraryAxisPlan.plan(Profile.FULL.libraries,
                run(List.of("HS256", "RS256", "ES256", "EdDSA")));

        Invocation javaJwtRefresh = plan.stream()
                .filter(i -> i.parameters().get("codec").equals(List.of("java-jwt"))
                        && i.includes().contains(Invocation.method("RefreshBenchmark.refresh")))
                .findFirst().orElseThrow();
        assertThat(javaJwtRefresh.parameters().get("algorithm")).containsExactly("HS256", "RS256", "ES256");
        assertThat(javaJwtRefresh.parameters().get("strategy")).containsExactly("sliding-jwt", "access-refresh");
        assertThat(plan).allSatisfy(invocation -> assertThat(invocation.parameters().get("strategy"))
                .doesNotContain("session", "sliding-session"));
        assertThat(plan).filteredOn(i -> i.includes().contains(Invocation.method(LibraryAxisPlan.LIBRARY_FLOOR)))
                .hasSize(2);
    }

    @Test
    void aProfileWithoutTheAxisPlansNothing() {
        assertThat(LibraryAxisPlan.plan(Profile.CI.libraries, run(List.of("HS256")))).isEmpty();
    }
}

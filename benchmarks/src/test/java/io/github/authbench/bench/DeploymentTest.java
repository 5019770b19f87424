package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.SigningKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The population an authenticate benchmark's store holds is what the measured node's own logins would leave there, to
 * the byte, whichever library the node signs with, although the fill signs on {@link Deployment#FILL_LIBRARY} for
 * speed.
 */
class DeploymentTest {

    private static final int LOGINS = 500;
    private static final SigningKeys HS256 = SigningKeys.generate("HS256");

    static List<Arguments> strategiesWithServerStateOnEveryLibrary() {
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : StrategySubsets.WITH_SERVER_STATE) {
            for (JwtLibrary library : JwtLibrary.values()) {
                cases.add(Arguments.of(strategy, library.id()));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("strategiesWithServerStateOnEveryLibrary")
    void thePopulationTakesTheStoreSpaceOfTheMeasuredNodesOwnLogins(String strategy, String library) {
        long filled;
        try (Deployment deployment = Deployment.pinned(strategy, HS256, library, StoreKind.CAFFEINE)) {
            long empty = deployment.storeMemoryBytes();
            deployment.populate(LOGINS, Payload.TYPICAL);
            filled = deployment.storeMemoryBytes() - empty;
        }
        long issued;
        try (Deployment deployment = Deployment.pinned(strategy, HS256, library, StoreKind.CAFFEINE)) {
            long empty = deployment.storeMemoryBytes();
            AuthStrategy node = deployment.nodeA();
            for (int i = 0; i < LOGINS; i++) {
                String access = node.login(Payload.TYPICAL.principal(Deployment.POPULATION_USERS + i)).access();
                if (strategy.equals("jwt-denylist")) {
                    node.logout(access);
                }
            }
            issued = deployment.storeMemoryBytes() - empty;
        }

        assertThat(issued).isGreaterThan(100L * LOGINS);
        assertThat(filled).isEqualTo(issued);
    }
}

package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.testing.LocalRedisCluster;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every store-backed strategy on a real three-node Redis Cluster: login, authenticate, refresh and logout on two nodes. */
class RedisClusterStrategyTest {

    static final Principal ALICE = StrategyContractTest.ALICE;
    private static LocalRedisCluster redis;

    @BeforeAll
    static void startCluster() {
        redis = new LocalRedisCluster(3);
    }

    @AfterAll
    static void stopCluster() {
        redis.close();
    }

    static Stream<String> storeBacked() {
        return Strategies.ids().stream().filter(id -> new StrategyCase(id, "ES256").storeBacked());
    }

    @ParameterizedTest
    @MethodSource("storeBacked")
    void twoNodesShareLoginsAndLogouts(String id) throws AuthException {
        try (Cluster cluster = new Cluster("ES256", new RedisNodeStores(redis.endpoint(), RedisNodeStores.TIMEOUT))) {
            AuthStrategy nodeA = cluster.node(id);
            AuthStrategy nodeB = cluster.node(id);
            Credentials credentials = nodeA.login(ALICE);
            Credentials other = nodeA.login(ALICE);
            assertThat(nodeB.authenticate(credentials.access())).isEqualTo(ALICE);

            nodeA.logout(credentials.access());
            nodeB.logoutEverywhere("alice");

            if (id.equals("access-refresh")) {
                assertRejected(() -> nodeB.refresh(credentials.refresh()), Reason.REVOKED);
                assertRejected(() -> nodeA.refresh(other.refresh()), Reason.REVOKED);
            } else {
                assertRejected(() -> nodeB.authenticate(credentials.access()), Reason.REVOKED);
                assertRejected(() -> nodeA.authenticate(other.access()), Reason.REVOKED);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void rotationAndReuseDetectionWorkAcrossSlots() throws AuthException {
        try (Cluster cluster = new Cluster("ES256", new RedisNodeStores(redis.endpoint(), RedisNodeStores.TIMEOUT))) {
            AuthStrategy nodeA = cluster.node("access-refresh");
            AuthStrategy nodeB = cluster.node("access-refresh");
            Credentials first = nodeA.login(ALICE);
            Credentials second = nodeB.refresh(first.refresh());

            assertRejected(() -> nodeA.refresh(first.refresh()), Reason.REUSED);
            assertRejected(() -> nodeB.refresh(second.refresh()), Reason.REVOKED);
        }
    }
}

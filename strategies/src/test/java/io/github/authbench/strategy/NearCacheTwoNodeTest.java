package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.store.CaffeineSessionStore;
import io.github.authbench.store.NearCachedSessionStore;
import io.github.authbench.store.RedisInvalidations;
import io.github.authbench.store.RedisSessionStore;
import io.github.authbench.store.SessionStore;
import io.github.authbench.testkit.MutableClock;
import io.github.authbench.testing.SharedRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two nodes on one Redis, each with a near cache: a logout on node A reaches node B through pub/sub, and even when
 * every announcement is lost, B stops accepting the credential once the bound has passed on its clock.
 */
class NearCacheTwoNodeTest {

    static final Duration BOUND = Duration.ofSeconds(20);
    static final Principal ALICE = StrategyContractTest.ALICE;

    /** The strategies whose logout is visible on other nodes, the ones a near cache can delay. */
    static Stream<String> revocable() {
        return Strategies.ids().stream().filter(id -> new StrategyCase(id, "HS256").logoutRevokesAccess());
    }

    @ParameterizedTest
    @MethodSource("revocable")
    void aLogoutReachesTheOtherNodeThroughPubSub(String id) throws AuthException {
        try (NearCachedNodes stores = new NearCachedNodes(false); Cluster cluster = new Cluster("HS256", stores)) {
            AuthStrategy nodeA = cluster.node(id);
            AuthStrategy nodeB = cluster.node(id);
            stores.awaitListening();
            Credentials credentials = nodeA.login(ALICE);
            assertThat(nodeB.authenticate(credentials.access())).isEqualTo(ALICE);

            nodeA.logout(credentials.access());

            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(
                    () -> assertRejected(() -> nodeB.authenticate(credentials.access()), Reason.REVOKED));
        }
    }

    /** Sliding renewal is a write and always reaches Redis, so sliding-session has no near-cache window. */
    static Stream<String> revocableByPlainRead() {
        return revocable().filter(id -> !id.equals("sliding-session"));
    }

    @ParameterizedTest
    @MethodSource("revocableByPlainRead")
    void withEveryAnnouncementLostTheOtherNodeStopsAcceptingAtTheBound(String id) throws AuthException {
        try (NearCachedNodes stores = new NearCachedNodes(true); Cluster cluster = new Cluster("HS256", stores)) {
            AuthStrategy nodeA = cluster.node(id);
            AuthStrategy nodeB = cluster.node(id);
            stores.awaitListening();
            Credentials credentials = nodeA.login(ALICE);
            assertThat(nodeB.authenticate(credentials.access())).isEqualTo(ALICE);

            nodeA.logout(credentials.access());

            assertRejected(() -> nodeA.authenticate(credentials.access()), Reason.REVOKED);
            assertThat(nodeB.authenticate(credentials.access()))
                    .as("node B never heard of the logout: the near cache's window")
                    .isEqualTo(ALICE);
            cluster.clock.advance(BOUND.minusSeconds(1));
            assertThat(nodeB.authenticate(credentials.access())).isEqualTo(ALICE);
            cluster.clock.advance(Duration.ofSeconds(1));
            assertRejected(() -> nodeB.authenticate(credentials.access()), Reason.REVOKED);
        }
    }

    /** The near cache keeps the subject index in Redis: a login renewed for hours is still found, within the bound. */
    @ParameterizedTest
    @MethodSource("renewable")
    void logoutEverywhereEndsALoginRenewedLongPastItsFirstExpiry(String id) throws AuthException {
        try (NearCachedNodes stores = new NearCachedNodes(false); Cluster cluster = new Cluster("HS256", stores)) {
            SharedStoreSecurityTest.assertLogoutEverywhereEndsARenewedLogin(cluster, id, BOUND);
        }
    }

    static Stream<String> renewable() {
        return SharedStoreSecurityTest.RENEWABLE.stream();
    }

    /** Each node: its own client, a Redis store, and a near cache listening on the cluster's channel or a private one. */
    static final class NearCachedNodes implements NodeStores {
        private final String namespace = SharedRedis.freshNamespace();
        private final boolean privateChannels;
        private final List<UnifiedJedis> clients = new ArrayList<>();
        private final List<RedisInvalidations> buses = new ArrayList<>();

        /** @param privateChannels every node hears only itself: all announcements between nodes are lost */
        NearCachedNodes(boolean privateChannels) {
            this.privateChannels = privateChannels;
        }

        @Override
        public SessionStore storeFor(MutableClock clock) {
            UnifiedJedis client = SharedRedis.endpoint().connect(RedisNodeStores.TIMEOUT);
            clients.add(client);
            String channel = namespace + "invalidations" + (privateChannels ? ":" + buses.size() : "");
            RedisInvalidations bus = new RedisInvalidations(SharedRedis.endpoint(), channel, RedisNodeStores.TIMEOUT);
            buses.add(bus);
            return new NearCachedSessionStore(
                    new RedisSessionStore(client, clock, CaffeineSessionStore.DEFAULT_RETENTION, namespace),
                    bus, clock, BOUND, 10_000);
        }

        void awaitListening() {
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> buses.stream().allMatch(RedisInvalidations::isListening));
        }

        @Override
        public void close() {
            buses.forEach(RedisInvalidations::close);
            clients.forEach(UnifiedJedis::close);
        }
    }
}

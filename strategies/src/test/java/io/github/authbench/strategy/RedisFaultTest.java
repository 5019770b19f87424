package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.testkit.RedisServerProcess;
import io.github.authbench.store.StoreUnavailableException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * What happens to every store-backed strategy when its Redis dies, stalls or comes back empty: a private redis-server
 * process, really killed (SIGKILL), paused and restarted. The request path fails closed within the client timeout and
 * recovers by itself; nothing is accepted that could not be checked.
 */
class RedisFaultTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Generous: a failing call must end near TIMEOUT; this only catches a hang. */
    static final Duration NO_HANG = Duration.ofSeconds(10);
    static final Principal ALICE = StrategyContractTest.ALICE;

    private RedisServerProcess server;
    private Cluster cluster;

    @BeforeEach
    void startRedis() {
        server = RedisServerProcess.start();
        cluster = new Cluster("HS256", new RedisNodeStores(RedisEndpoint.parse(server.url(), server.origin()), TIMEOUT));
    }

    @AfterEach
    void stopRedis() {
        cluster.close();
        server.close();
    }

    static Stream<String> storeBacked() {
        return Strategies.ids().stream().filter(id -> new StrategyCase(id, "HS256").storeBacked());
    }

    /** The call that must ask the store on every use: refresh for access-refresh, authenticate for the others. */
    private static void checkedUse(AuthStrategy strategy, Credentials credentials) throws AuthException {
        if (strategy.id().equals("access-refresh")) {
            strategy.refresh(credentials.refresh());
        } else {
            strategy.authenticate(credentials.access());
        }
    }

    @ParameterizedTest
    @MethodSource("storeBacked")
    void aKilledRedisFailsClosedAndTheNodeRecoversWhenItIsBack(String id) throws AuthException {
        AuthStrategy node = cluster.node(id);
        Credentials beforeCrash = node.login(ALICE);

        server.kill();

        assertTimeoutPreemptively(NO_HANG, () -> {
            assertRejected(() -> checkedUse(node, beforeCrash), Reason.UNAVAILABLE);
            assertThatThrownBy(() -> node.login(ALICE))
                    .as("a login fails closed: even a denylist login reads the subject's epoch")
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> node.logout(beforeCrash.access()))
                    .as("a logout that did not happen is not silently reported as done")
                    .isInstanceOf(StoreUnavailableException.class);
        });

        server.restart();

        Credentials afterRestart = node.login(ALICE);
        checkedUse(node, afterRestart);
        assertThat(node.authenticate(afterRestart.access())).isEqualTo(ALICE);
    }

    @ParameterizedTest
    @MethodSource("storeBacked")
    void aStalledRedisFailsClosedWithinTheTimeout(String id) throws Exception {
        AuthStrategy node = cluster.node(id);
        Credentials credentials = node.login(ALICE);

        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.clientPause(2_000);
            assertTimeoutPreemptively(NO_HANG,
                    () -> assertRejected(() -> checkedUse(node, credentials), Reason.UNAVAILABLE));
        }
        Thread.sleep(2_100);

        Credentials fresh = node.login(ALICE);
        checkedUse(node, fresh);
    }

    /** A finding, not a bug: without persistence a restart forgets every logout recorded in Redis. */
    @Test
    void aRestartWithoutPersistenceForgetsTheDenylist() throws AuthException {
        AuthStrategy node = cluster.node("jwt-denylist");
        Credentials credentials = node.login(ALICE);
        node.logout(credentials.access());
        assertRejected(() -> node.authenticate(credentials.access()), Reason.REVOKED);

        server.kill();
        server.restart();

        assertThat(node.authenticate(credentials.access()))
                .as("the logged-out token works again until its exp")
                .isEqualTo(ALICE);
    }

    /** Sessions and refresh families are gone too: users must log in again, and reuse detection has lost its memory. */
    @Test
    void aRestartWithoutPersistenceEndsSessionsAndRefreshFamilies() throws AuthException {
        AuthStrategy sessions = cluster.node("session");
        AuthStrategy tokens = cluster.node("access-refresh");
        Credentials session = sessions.login(ALICE);
        Credentials first = tokens.login(ALICE);
        Credentials second = tokens.refresh(first.refresh());

        server.kill();
        server.restart();

        assertRejected(() -> sessions.authenticate(session.access()), Reason.UNKNOWN);
        assertRejected(() -> tokens.refresh(second.refresh()), Reason.UNKNOWN);
        assertRejected(() -> tokens.refresh(first.refresh()), Reason.UNKNOWN);
        assertThat(tokens.authenticate(second.access()))
                .as("the access token needs no store and works until its exp")
                .isEqualTo(ALICE);
    }
}

package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Idle renewal on every request, the absolute cap however active the user, and renewal seen by every node. */
class SlidingSessionTest {

    static final Principal ALICE = StrategyContractTest.ALICE;
    static final Duration JUST_UNDER_IDLE = Cluster.IDLE_TIMEOUT.minusSeconds(1);


    /** The deployment the tests run on; subclasses run the same tests on another store. */
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm);
    }

    @Test
    void activityKeepsTheSessionAliveFarBeyondTheIdleTimeout() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy nodeA = cluster.node("sliding-session");
            AuthStrategy nodeB = cluster.node("sliding-session");
            String id = nodeA.login(ALICE).access();

            for (int request = 0; request < 10; request++) {
                cluster.clock.advance(JUST_UNDER_IDLE);
                AuthStrategy node = request % 2 == 0 ? nodeA : nodeB;
                assertThat(node.authenticate(id)).isEqualTo(ALICE);
            }
        }
    }

    @Test
    void anIdleSessionExpires() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("sliding-session");
            String id = strategy.login(ALICE).access();
            cluster.clock.advance(JUST_UNDER_IDLE);
            assertThat(strategy.authenticate(id)).isEqualTo(ALICE);

            cluster.clock.advance(Cluster.IDLE_TIMEOUT);

            assertRejected(() -> strategy.authenticate(id), Reason.EXPIRED);
            assertRejected(() -> strategy.authenticate(id), Reason.EXPIRED);
        }
    }

    @Test
    void theAbsoluteTimeoutEndsEvenAnActiveSession() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("sliding-session");
            Instant cap = cluster.clock.instant().plus(Cluster.ABSOLUTE_TIMEOUT);
            String id = strategy.login(ALICE).access();

            while (cluster.clock.instant().plus(JUST_UNDER_IDLE).isBefore(cap)) {
                cluster.clock.advance(JUST_UNDER_IDLE);
                assertThat(strategy.authenticate(id)).isEqualTo(ALICE);
            }
            cluster.clock.moveTo(cap);

            assertRejected(() -> strategy.authenticate(id), Reason.EXPIRED);
        }
    }

    @Test
    void aSessionIsForgottenAfterTheStoreRetention() {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("sliding-session");
            String id = strategy.login(ALICE).access();

            cluster.clock.advance(Cluster.IDLE_TIMEOUT.plus(Duration.ofHours(1)));

            assertRejected(() -> strategy.authenticate(id), Reason.UNKNOWN);
        }
    }
}

package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The denylist revokes one token, or every earlier login of a subject, and forgets both once they are moot. */
class JwtDenylistTest {

    static final Principal ALICE = StrategyContractTest.ALICE;


    /** The deployment the tests run on; subclasses run the same tests on another store. */
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm);
    }

    @Test
    void logoutDeniesThatTokenOnlyAndTheEntryEndsWithTheToken() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("jwt-denylist");
            Credentials loggedOut = strategy.login(ALICE);
            Credentials other = strategy.login(ALICE);

            strategy.logout(loggedOut.access());

            assertRejected(() -> strategy.authenticate(loggedOut.access()), Reason.REVOKED);
            assertThat(strategy.authenticate(other.access())).isEqualTo(ALICE);
            cluster.clock.moveTo(loggedOut.accessExpiresAt().plus(Cluster.CLOCK_SKEW).plusSeconds(1));
            assertRejected(() -> strategy.authenticate(loggedOut.access()), Reason.EXPIRED);
        }
    }

    /** No clock is compared: a login that starts after the call works at once, in the same millisecond or not. */
    @Test
    void logoutEverywhereRevokesEveryEarlierLoginAndNoLaterOne() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("jwt-denylist");
            Credentials before = strategy.login(ALICE);
            Credentials beforeOfBob = strategy.login(StrategyContractTest.BOB);

            strategy.logoutEverywhere("alice");
            Credentials sameInstant = strategy.login(ALICE);

            assertRejected(() -> strategy.authenticate(before.access()), Reason.REVOKED);
            assertThat(strategy.authenticate(sameInstant.access())).isEqualTo(ALICE);
            assertThat(strategy.authenticate(beforeOfBob.access())).isEqualTo(StrategyContractTest.BOB);

            strategy.logoutEverywhere("alice");
            assertRejected(() -> strategy.authenticate(sameInstant.access()), Reason.REVOKED);
            assertThat(strategy.authenticate(strategy.login(ALICE).access())).isEqualTo(ALICE);
        }
    }

    /**
     * A node whose clock runs ahead (within the allowed skew) signs tokens with an iat after the instant of the call
     * on another node; they were issued before it all the same, and are dead on every node.
     */
    @Test
    void logoutEverywhereRevokesTokensFromANodeWhoseClockRunsAhead() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy nodeA = cluster.node("jwt-denylist");
            Clock ahead = Clock.offset(cluster.clock, Cluster.CLOCK_SKEW.minusSeconds(1));
            AuthStrategy aheadNode = cluster.node("jwt-denylist", config -> config.clock(ahead));
            Credentials fromTheFuture = aheadNode.login(ALICE);
            assertThat(nodeA.authenticate(fromTheFuture.access())).isEqualTo(ALICE);
            cluster.clock.advance(Duration.ofSeconds(2));

            nodeA.logoutEverywhere("alice");

            assertRejected(() -> nodeA.authenticate(fromTheFuture.access()), Reason.REVOKED);
            assertRejected(() -> aheadNode.authenticate(fromTheFuture.access()), Reason.REVOKED);
            assertThat(nodeA.authenticate(aheadNode.login(ALICE).access())).isEqualTo(ALICE);
            assertThat(aheadNode.authenticate(nodeA.login(ALICE).access())).isEqualTo(ALICE);
        }
    }

    /** The epoch outlives every token issued before it, even one from a node running ahead, verified with skew. */
    @Test
    void theEpochLivesUntilNoEarlierTokenCanBeAcceptedAnywhere() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy nodeA = cluster.node("jwt-denylist");
            Clock ahead = Clock.offset(cluster.clock, Cluster.CLOCK_SKEW);
            Credentials fromTheFuture = cluster.node("jwt-denylist", config -> config.clock(ahead)).login(ALICE);

            nodeA.logoutEverywhere("alice");

            Instant lastAccepted = fromTheFuture.accessExpiresAt().plus(Cluster.CLOCK_SKEW).minusMillis(1);
            cluster.clock.moveTo(lastAccepted);
            assertRejected(() -> nodeA.authenticate(fromTheFuture.access()), Reason.REVOKED);
            cluster.clock.advance(Duration.ofMillis(1));
            assertRejected(() -> nodeA.authenticate(fromTheFuture.access()), Reason.EXPIRED);
        }
    }
}

package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The denylist revokes one token, or every token of a subject up to an instant, and forgets both once they are moot. */
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

    /** iat has whole seconds: a token from the same second as the cut-off is revoked too, the safe side. */
    @Test
    void logoutEverywhereRevokesUpToTheSecondAndNotAfter() throws AuthException {
        try (Cluster cluster = cluster("HS256")) {
            AuthStrategy strategy = cluster.node("jwt-denylist");
            cluster.clock.advance(Duration.ofMillis(200));
            Credentials before = strategy.login(ALICE);
            cluster.clock.advance(Duration.ofMillis(300));

            strategy.logoutEverywhere("alice");
            cluster.clock.advance(Duration.ofMillis(300));
            Credentials sameSecond = strategy.login(ALICE);
            cluster.clock.advance(Duration.ofMillis(300));
            Credentials nextSecond = strategy.login(ALICE);

            assertRejected(() -> strategy.authenticate(before.access()), Reason.REVOKED);
            assertRejected(() -> strategy.authenticate(sameSecond.access()), Reason.REVOKED);
            assertThat(strategy.authenticate(nextSecond.access())).isEqualTo(ALICE);
        }
    }
}

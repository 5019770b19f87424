package io.github.authbench.bench;

import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.testkit.MutableClock;
import java.time.Duration;

/**
 * How long a credential keeps working after its user was logged out: found, not assumed, by logging in, revoking,
 * moving a virtual clock forward and asking a node again. Acceptance only ever stops once, so a binary search over the
 * clock finds the first refused instant to the millisecond; each probe is a fresh deployment, as time only moves on.
 */
final class ExposureWindow {

    /** Longer than any credential here lives (default access lifetime plus skew): past it, everything must be refused. */
    static final Duration HORIZON = Duration.ofHours(1);

    /** Which revocation, and which node is asked afterwards. */
    enum Scenario {
        LOGOUT_SAME_NODE(false, false),
        LOGOUT_OTHER_NODE(false, true),
        LOGOUT_EVERYWHERE_SAME_NODE(true, false),
        LOGOUT_EVERYWHERE_OTHER_NODE(true, true);

        final boolean everywhere;
        final boolean otherNode;

        Scenario(boolean everywhere, boolean otherNode) {
            this.everywhere = everywhere;
            this.otherNode = otherNode;
        }
    }

    private ExposureWindow() {
    }

    /**
     * How long after the revocation the credential is still accepted: until the first instant it is refused (a token
     * is expired at its exp, so a 15-minute token's window is 15 minutes, its last accepted millisecond one earlier);
     * zero when refused at once.
     */
    static Duration measure(String strategy, SigningKeys keys, StoreKind store, Scenario scenario) {
        if (!acceptedAfter(strategy, keys, store, scenario, Duration.ZERO)) {
            return Duration.ZERO;
        }
        if (acceptedAfter(strategy, keys, store, scenario, HORIZON)) {
            throw new IllegalStateException(strategy + " still accepts a revoked credential after " + HORIZON);
        }
        long accepted = 0;
        long refused = HORIZON.toMillis();
        while (refused - accepted > 1) {
            long probe = (accepted + refused) >>> 1;
            if (acceptedAfter(strategy, keys, store, scenario, Duration.ofMillis(probe))) {
                accepted = probe;
            } else {
                refused = probe;
            }
        }
        return Duration.ofMillis(refused);
    }

    private static boolean acceptedAfter(String strategy, SigningKeys keys, StoreKind store, Scenario scenario,
            Duration elapsed) {
        MutableClock clock = new MutableClock(Deployment.PINNED);
        try (Deployment deployment = new Deployment(strategy, keys, JwtLibrary.JJWT, store, clock, false)) {
            Credentials credentials = deployment.nodeA().login(Payload.TYPICAL.principal(1));
            if (scenario.everywhere) {
                deployment.nodeA().logoutEverywhere(Payload.TYPICAL.principal(1).subject());
            } else {
                deployment.nodeA().logout(credentials.access());
            }
            clock.advance(elapsed);
            AuthStrategy asked = scenario.otherNode ? deployment.nodeB() : deployment.nodeA();
            try {
                asked.authenticate(credentials.access());
                return true;
            } catch (AuthException refused) {
                return false;
            }
        }
    }
}

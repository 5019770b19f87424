package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Re-issue with a later exp, never past auth_time + absoluteTimeout, and no server state to revoke. */
class SlidingJwtTest {

    static final List<String> ALGORITHMS = SigningKeys.ALGORITHMS;
    static final Principal ALICE = StrategyContractTest.ALICE;

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void refreshReissuesWithALaterExpiry(String algorithm) throws AuthException {
        try (Cluster cluster = new Cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("sliding-jwt");
            Credentials first = strategy.login(ALICE);
            cluster.clock.advance(Duration.ofMinutes(7));

            Credentials second = cluster.node("sliding-jwt").refresh(first.access());

            assertThat(second.accessExpiresAt()).isEqualTo(first.accessExpiresAt().plus(Duration.ofMinutes(7)));
            assertThat(second.refresh()).isNull();
            assertThat(strategy.authenticate(second.access())).isEqualTo(ALICE);
            assertThat(strategy.authenticate(first.access()))
                    .as("stateless: the old token still works until its own exp")
                    .isEqualTo(ALICE);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void anExpiredTokenCannotBeRefreshed(String algorithm) {
        try (Cluster cluster = new Cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("sliding-jwt");
            Credentials credentials = strategy.login(ALICE);
            cluster.clock.moveTo(credentials.accessExpiresAt().plus(Cluster.CLOCK_SKEW).plusSeconds(1));

            assertRejected(() -> strategy.refresh(credentials.access()), Reason.EXPIRED);
            assertRejected(() -> strategy.refresh("garbage"), Reason.MALFORMED);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void reissuedTokensNeverOutliveTheAbsoluteTimeout(String algorithm) throws AuthException {
        try (Cluster cluster = new Cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("sliding-jwt");
            Instant cap = cluster.clock.instant().plus(Cluster.ABSOLUTE_TIMEOUT);
            Credentials current = strategy.login(ALICE);
            Duration step = Cluster.ACCESS_TTL.minusMinutes(1);

            while (cluster.clock.instant().plus(step).isBefore(cap)) {
                cluster.clock.advance(step);
                current = strategy.refresh(current.access());
                assertThat(current.accessExpiresAt()).isBeforeOrEqualTo(cap);
            }
            assertThat(current.accessExpiresAt()).as("the last re-issue is capped").isEqualTo(cap);

            Credentials last = current;
            cluster.clock.moveTo(cap);
            assertRejected(() -> strategy.refresh(last.access()), Reason.EXPIRED);
        }
    }
}

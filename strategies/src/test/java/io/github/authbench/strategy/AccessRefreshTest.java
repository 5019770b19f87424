package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Rotation, reuse detection (RFC 9700 section 4.14.2), the refresh race, and what logout can and cannot do. */
class AccessRefreshTest {

    static final List<String> ALGORITHMS = SigningKeys.ALGORITHMS;
    static final Principal ALICE = StrategyContractTest.ALICE;


    /** The deployment the tests run on; subclasses run the same tests on another store. */
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm);
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void refreshRotatesBothTokens(String algorithm) throws AuthException {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials first = strategy.login(ALICE);
            cluster.clock.advance(Duration.ofMinutes(1));

            Credentials second = strategy.refresh(first.refresh());
            Credentials third = cluster.node("access-refresh").refresh(second.refresh());

            assertThat(second.access()).isNotEqualTo(first.access());
            assertThat(second.refresh()).isNotEqualTo(first.refresh());
            assertThat(third.refresh()).isNotIn(first.refresh(), second.refresh());
            assertThat(strategy.authenticate(third.access())).isEqualTo(ALICE);
            assertThat(second.refreshExpiresAt()).isEqualTo(cluster.clock.instant().plus(Cluster.REFRESH_TTL));
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void reusingARotatedTokenRevokesTheWholeFamily(String algorithm) throws AuthException {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials first = strategy.login(ALICE);
            Credentials second = strategy.refresh(first.refresh());
            Credentials othersLogin = strategy.login(ALICE);

            assertRejected(() -> strategy.refresh(first.refresh()), Reason.REUSED);
            assertRejected(() -> strategy.refresh(second.refresh()), Reason.REVOKED);
            assertThat(strategy.refresh(othersLogin.refresh()).refresh())
                    .as("another login of the same subject is a different family")
                    .isNotNull();
        }
    }

    /** Rounds of the race per algorithm: one round rarely hits the rare interleavings. */
    static final int RACE_ROUNDS = 20;

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void ofEightConcurrentRefreshesExactlyOneWins(String algorithm) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy nodeA = cluster.node("access-refresh");
            AuthStrategy nodeB = cluster.node("access-refresh");
            for (int round = 0; round < RACE_ROUNDS; round++) {
                String refresh = nodeA.login(ALICE).refresh();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Reason>> outcomes = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    AuthStrategy node = i % 2 == 0 ? nodeA : nodeB;
                    Callable<Reason> attempt = () -> {
                        start.await();
                        try {
                            node.refresh(refresh);
                            return null;
                        } catch (AuthException e) {
                            return e.reason();
                        }
                    };
                    outcomes.add(pool.submit(attempt));
                }
                start.countDown();
                List<Reason> reasons = new ArrayList<>();
                for (Future<Reason> outcome : outcomes) {
                    reasons.add(outcome.get());
                }

                assertThat(reasons).filteredOn(r -> r == null).as("winners in round %d", round).hasSize(1);
                assertThat(reasons).filteredOn(r -> r != null).as("losers in round %d", round).hasSize(threads - 1)
                        .containsOnly(Reason.REUSED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void eachTokenIsRefusedWhereTheOtherKindBelongs(String algorithm) {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials credentials = strategy.login(ALICE);

            assertRejected(() -> strategy.authenticate(credentials.refresh()), Reason.WRONG_TYPE);
            assertRejected(() -> strategy.refresh(credentials.access()), Reason.WRONG_TYPE);
            assertRejected(() -> strategy.refresh("a.b.c"), Reason.MALFORMED);
            assertRejected(() -> strategy.refresh("rt_" + OpaqueTokens.newId()), Reason.MALFORMED);
            assertRejected(() -> strategy.refresh(RefreshToken.issue(RefreshToken.newFamilyId()).text()), Reason.UNKNOWN);
            assertRejected(() -> strategy.refresh(null), Reason.MALFORMED);
            assertRejected(() -> strategy.refresh("x".repeat(9000)), Reason.TOO_LARGE);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void everySingleChangedCharacterOfARefreshTokenIsRefused(String algorithm) {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            String refresh = strategy.login(ALICE).refresh();
            for (int i = 0; i < refresh.length(); i++) {
                char replacement = refresh.charAt(i) == 'A' ? 'B' : 'A';
                String changed = refresh.substring(0, i) + replacement + refresh.substring(i + 1);
                assertRejected(() -> strategy.refresh(changed), Reason.MALFORMED, Reason.UNKNOWN);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void logoutRevokesTheFamilyButNotTheIssuedAccessToken(String algorithm) throws AuthException {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy nodeA = cluster.node("access-refresh");
            AuthStrategy nodeB = cluster.node("access-refresh");
            Credentials byAccess = nodeA.login(ALICE);
            Credentials byRefresh = nodeA.login(ALICE);

            nodeA.logout(byAccess.access());
            nodeA.logout(byRefresh.refresh());

            assertRejected(() -> nodeB.refresh(byAccess.refresh()), Reason.REVOKED);
            assertRejected(() -> nodeB.refresh(byRefresh.refresh()), Reason.REVOKED);
            assertThat(nodeB.authenticate(byAccess.access()))
                    .as("the access token works until its exp: the logout window")
                    .isEqualTo(ALICE);
            cluster.clock.moveTo(byAccess.accessExpiresAt().plus(Cluster.CLOCK_SKEW).plusSeconds(1));
            assertRejected(() -> nodeB.authenticate(byAccess.access()), Reason.EXPIRED);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void logoutWorksWithAnExpiredAccessToken(String algorithm) {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials credentials = strategy.login(ALICE);
            cluster.clock.moveTo(credentials.accessExpiresAt().plus(Duration.ofMinutes(5)));

            strategy.logout(credentials.access());

            assertRejected(() -> strategy.refresh(credentials.refresh()), Reason.REVOKED);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void logoutEverywhereRevokesEveryFamilyOfTheSubject(String algorithm) throws AuthException {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials first = strategy.login(ALICE);
            Credentials second = strategy.refresh(strategy.login(ALICE).refresh());
            Credentials bobs = strategy.login(StrategyContractTest.BOB);

            strategy.logoutEverywhere("alice");

            assertRejected(() -> strategy.refresh(first.refresh()), Reason.REVOKED);
            assertRejected(() -> strategy.refresh(second.refresh()), Reason.REVOKED);
            assertThat(strategy.refresh(bobs.refresh()).refresh()).isNotNull();
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void aRefreshTokenExpiresWithItsLifetime(String algorithm) {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Credentials credentials = strategy.login(ALICE);

            cluster.clock.moveTo(credentials.refreshExpiresAt());

            assertRejected(() -> strategy.refresh(credentials.refresh()), Reason.EXPIRED);
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void rotationNeverOutlivesTheAbsoluteTimeout(String algorithm) throws AuthException {
        try (Cluster cluster = cluster(algorithm)) {
            AuthStrategy strategy = cluster.node("access-refresh");
            Instant loginAt = cluster.clock.instant();
            Instant cap = loginAt.plus(Cluster.ABSOLUTE_TIMEOUT);
            Credentials current = strategy.login(ALICE);
            while (cluster.clock.instant().plus(Duration.ofMinutes(50)).isBefore(cap)) {
                cluster.clock.advance(Duration.ofMinutes(50));
                current = strategy.refresh(current.refresh());
                assertThat(current.refreshExpiresAt()).isBeforeOrEqualTo(cap);
                assertThat(current.accessExpiresAt()).isBeforeOrEqualTo(cap);
            }
            assertThat(current.refreshExpiresAt()).as("the last rotation is capped").isEqualTo(cap);

            Credentials last = current;
            cluster.clock.moveTo(cap);
            assertRejected(() -> strategy.refresh(last.refresh()), Reason.EXPIRED);
        }
    }
}

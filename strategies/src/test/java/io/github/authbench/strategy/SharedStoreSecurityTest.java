package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.authbench.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user with nothing but valid logins, or a store shared between strategies and nodes, must not be able to do:
 * outlive logout-everywhere by renewing, pass one strategy's credential to another, get a credential its own strategy
 * refuses, revoke by a bad argument, or be let in because the store held something unexpected.
 */
class SharedStoreSecurityTest {

    static final Principal ALICE = StrategyContractTest.ALICE;

    /** The deployment the tests run on; subclasses run the same tests on another store. */
    Cluster cluster(StrategyCase c) {
        return new Cluster(c);
    }

    static Stream<StrategyCase> cases() {
        return StrategyCase.all();
    }

    /** Store-backed strategies whose login a user can extend past its first expiry: by use, or by refreshing. */
    static final List<String> RENEWABLE = List.of("sliding-session", "access-refresh");

    static Stream<StrategyCase> renewableStoreBackedCases() {
        return StrategyCase.all().filter(c -> RENEWABLE.contains(c.id()));
    }

    static Stream<StrategyCase> sessionBackedCases() {
        return StrategyCase.sessionBacked();
    }

    static Stream<StrategyCase> denylistCases() {
        return StrategyCase.all().filter(c -> c.id().equals("jwt-denylist"));
    }

    static Stream<StrategyCase> refreshFamilyCases() {
        return StrategyCase.all().filter(c -> c.id().equals("access-refresh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renewableStoreBackedCases")
    void logoutEverywhereEndsALoginRenewedLongPastItsFirstExpiry(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            assertLogoutEverywhereEndsARenewedLogin(cluster, c.id(), Duration.ZERO);
        }
    }

    /**
     * Keeps a login alive by use (or by refreshing) for twelve idle windows, far past its first expiry and the store's
     * retention, lets another login of the subject tidy the index, then logs the subject out everywhere and waits
     * {@code window}, the longest a revocation may take to reach another node.
     */
    static void assertLogoutEverywhereEndsARenewedLogin(Cluster cluster, String id, Duration window)
            throws AuthException {
        AuthStrategy nodeA = cluster.node(id);
        AuthStrategy nodeB = cluster.node(id);
        Credentials current = nodeA.login(ALICE);
        boolean refreshes = current.refresh() != null;
        for (int i = 0; i < 12; i++) {
            cluster.clock.advance(Cluster.IDLE_TIMEOUT.minusMinutes(1));
            if (refreshes) {
                current = nodeA.refresh(current.refresh());
            } else {
                assertThat(nodeA.authenticate(current.access())).isEqualTo(ALICE);
            }
        }
        nodeB.login(ALICE);

        nodeB.logoutEverywhere(ALICE.subject());
        cluster.clock.advance(window);

        Credentials renewed = current;
        if (refreshes) {
            assertRejected(() -> nodeA.refresh(renewed.refresh()), Reason.REVOKED);
        } else {
            assertRejected(() -> nodeA.authenticate(renewed.access()), Reason.REVOKED);
            assertRejected(() -> nodeB.authenticate(renewed.access()), Reason.REVOKED);
        }
    }

    /** A stateful-jwt's sid is readable from its payload; a session id works only for the strategy that issued it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionBackedCases")
    void noStrategyAcceptsTheSessionIdOfAnotherSharingItsStore(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String ownToken = strategy.login(ALICE).access();
            for (String other : List.of("session", "sliding-session", "stateful-jwt")) {
                if (other.equals(c.id())) {
                    continue;
                }
                AuthStrategy issuer = cluster.node(other);
                Credentials foreign = issuer.login(ALICE);
                String sessionId = other.equals("stateful-jwt")
                        ? (String) ForgedJws.members(foreign.access(), 1).get(JwtTokens.SESSION_ID)
                        : foreign.access();
                String presented = c.accessIsJwt()
                        ? ForgedJws.withClaims(TestKeys.of(c.algorithm()), ownToken,
                                p -> p.put(JwtTokens.SESSION_ID, sessionId))
                        : sessionId;

                assertRejected(() -> strategy.authenticate(presented), Reason.UNKNOWN);

                if (other.equals("session")) {
                    cluster.clock.advance(Duration.ofSeconds(1));
                    assertThat(issuer.authenticate(foreign.access())).isEqualTo(ALICE);
                    assertRejected(() -> strategy.authenticate(presented), Reason.UNKNOWN);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aPrincipalTooLargeIsRefusedAtLoginSayingTheLimit(StrategyCase c) throws AuthException {
        List<Principal> principals = List.of(
                withAttribute(3_000), withAttribute(7_000), withAttribute(70_000),
                new Principal("x".repeat(70_000), Set.of("user"), Map.of()),
                new Principal("alice", IntStream.range(0, 70_000).mapToObj(i -> "r" + i)
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)), Map.of()));
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            for (Principal principal : principals) {
                Throwable refused = catchThrowable(() -> strategy.login(principal));
                if (refused == null) {
                    assertThat(strategy.authenticate(strategy.login(principal).access())).isEqualTo(principal);
                } else {
                    assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("too large")
                            .message().containsAnyOf(Integer.toString(StrategyConfig.MAX_CREDENTIAL_CHARS),
                                    Integer.toString(StoredValue.MAX_FIELD));
                }
            }
            assertThat(catchThrowable(() -> strategy.login(withAttribute(70_000))))
                    .as("70,000 characters fit no strategy's credential or stored value")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logoutEverywhereRefusesANullOrBlankSubjectAndRevokesNobody(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Principal named = Principal.of("null", "user");
            Credentials login = strategy.login(named);

            assertThatThrownBy(() -> strategy.logoutEverywhere(null)).isInstanceOf(NullPointerException.class);
            for (String blank : new String[] {"", " ", "\t"}) {
                assertThatThrownBy(() -> strategy.logoutEverywhere(blank)).isInstanceOf(IllegalArgumentException.class);
            }

            assertThat(strategy.authenticate(login.access())).isEqualTo(named);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denylistCases")
    void aForeignValueUnderADenylistKeyFailsClosed(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            Map<String, Object> claims = ForgedJws.members(token, 1);
            String deniedKey = JwtDenylistStrategy.deniedKey(
                    ALICE.subject(), (String) claims.get("iss"), (String) claims.get("jti"));
            String epochKey = JwtDenylistStrategy.epochKey(ALICE.subject());

            java.time.Instant past = cluster.clock.instant().minusSeconds(1);
            Map<String, byte[]> ownKind = Map.of(
                    epochKey, StoredValue.encode(new StoredValue.Epoch("e")),
                    deniedKey, StoredValue.REVOKED_BYTES);
            for (String key : List.of(epochKey, deniedKey)) {
                for (byte[] foreign : foreignValues()) {
                    cluster.store().put(key, foreign, cluster.clock.instant().plusSeconds(60));
                    assertRejected(() -> strategy.authenticate(token), Reason.UNAVAILABLE);
                }
                cluster.store().put(key, StoredValue.encode(new StoredValue.Family()), past);
                assertRejected(() -> strategy.authenticate(token), Reason.UNAVAILABLE);
                // the key's own kind, ended: the next key is tested alone, and the token works again
                cluster.store().put(key, ownKind.get(key), past);
                assertThat(catchThrowable(() -> strategy.authenticate(token))).isNull();
            }
        }
    }

    /** A login reads the subject's epoch: one it cannot read is no reason to issue a token without it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("denylistCases")
    void aForeignValueUnderTheEpochKeyFailsTheLogin(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String epochKey = JwtDenylistStrategy.epochKey(ALICE.subject());
            for (java.time.Instant until : List.of(cluster.clock.instant().plusSeconds(60),
                    cluster.clock.instant().minusSeconds(1))) {
                for (byte[] foreign : foreignValues()) {
                    cluster.store().put(epochKey, foreign, until);
                    assertThatThrownBy(() -> strategy.login(ALICE)).isInstanceOf(StoreUnavailableException.class);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refreshFamilyCases")
    void aForeignValueUnderARefreshKeyFailsClosed(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            for (byte[] foreign : foreignValues()) {
                Credentials login = strategy.login(ALICE);
                String familyId = (String) ForgedJws.members(login.access(), 1).get(JwtTokens.SESSION_ID);
                cluster.store().put(RefreshToken.familyKey(familyId), foreign, cluster.clock.instant().plusSeconds(600));
                assertRejected(() -> strategy.refresh(login.refresh()), Reason.UNAVAILABLE);

                if (foreign.length > 0 && foreign[0] == StoredValue.REFRESH) {
                    continue; // the one kind a refresh key may hold
                }
                Credentials other = strategy.login(ALICE);
                cluster.store().put(RefreshToken.parse(other.refresh()).storeKey(), foreign,
                        cluster.clock.instant().plusSeconds(600));
                assertRejected(() -> strategy.refresh(other.refresh()), Reason.UNAVAILABLE);
            }
        }
    }

    /** Values a corrupt store, another program or another strategy could leave: each is the wrong kind here. */
    private static List<byte[]> foreignValues() {
        List<byte[]> values = new ArrayList<>();
        values.add(new byte[0]);
        values.add(new byte[] {99});
        values.add(StoredValue.encode(new StoredValue.Session(java.time.Instant.EPOCH, ALICE)));
        values.add(StoredValue.encode(new StoredValue.Refresh(ALICE)));
        values.add(new byte[] {StoredValue.EPOCH});
        return values;
    }

    private static Principal withAttribute(int chars) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("bio", "b".repeat(chars));
        return new Principal("alice", Set.of("user"), attributes);
    }
}

package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every strategy keeps, for every algorithm: a login authenticates as its principal, and every credential
 * that is not valid now is an {@link AuthException} with the honest reason, never acceptance and never a runtime error.
 */
class StrategyContractTest {

    static final Principal ALICE = new Principal("alice",
            new LinkedHashSet<>(List.of("user", "admin")),
            new LinkedHashMap<>(Map.of("tenant", "acme", "email", "alice@example.com")));
    static final Principal BOB = Principal.of("bob", "user");

    static Stream<StrategyCase> cases() {
        return StrategyCase.all();
    }

    static Stream<StrategyCase> jwtCases() {
        return StrategyCase.jwt();
    }

    static Stream<StrategyCase> sessionBackedCases() {
        return StrategyCase.sessionBacked();
    }

    static Stream<StrategyCase> casesWithTwinSpelling() {
        return StrategyCase.withTwinSpelling();
    }

    static Stream<StrategyCase> casesWithoutRefresh() {
        return StrategyCase.withoutRefresh();
    }


    /** The deployment the tests run on; subclasses run the same tests on another store. */
    Cluster cluster(StrategyCase c) {
        return new Cluster(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loginAuthenticatesAsTheSamePrincipal(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Credentials credentials = strategy.login(ALICE);

            assertThat(strategy.id()).isEqualTo(c.id());
            assertThat(strategy.authenticate(credentials.access())).isEqualTo(ALICE);
            assertThat(strategy.authenticate(strategy.login(BOB).access())).isEqualTo(BOB);
            assertThat(credentials.accessExpiresAt()).isAfter(cluster.clock.instant());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anotherNodeOfTheClusterAcceptsTheLogin(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            Credentials credentials = cluster.node(c.id()).login(ALICE);

            assertThat(cluster.node(c.id()).authenticate(credentials.access())).isEqualTo(ALICE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsMissingBlankAndGarbageAsMalformed(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            for (String bad : new String[] {null, "", " ", "\t\n", "not-a-token", "a.b.c", "....", "Bearer x",
                    "rt_", "ü.ö.ä", "{\"alg\":\"none\"}"}) {
                assertRejected(() -> strategy.authenticate(bad), Reason.MALFORMED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsOversizedCredentialsBeforeDecoding(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String valid = strategy.login(ALICE).access();
            String padded = valid + "A".repeat(StrategyConfig.MAX_CREDENTIAL_CHARS + 1 - valid.length());

            assertRejected(() -> strategy.authenticate(padded), Reason.TOO_LARGE);
            assertRejected(() -> strategy.authenticate("x".repeat(1 << 20)), Reason.TOO_LARGE);
            assertRejected(() -> strategy.authenticate("x".repeat(StrategyConfig.MAX_CREDENTIAL_CHARS)), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWrongSegmentCountAndBadBase64(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            if (!c.accessIsJwt()) {
                assertRejected(() -> strategy.authenticate(token + ".x"), Reason.MALFORMED);
                assertRejected(() -> strategy.authenticate(token.substring(1) + "!"), Reason.MALFORMED);
                return;
            }
            String[] parts = token.split("\\.");
            assertRejected(() -> strategy.authenticate(parts[0] + "." + parts[1]), Reason.MALFORMED);
            assertRejected(() -> strategy.authenticate(token + ".x"), Reason.MALFORMED);
            assertRejected(() -> strategy.authenticate(token + ".x.y"), Reason.MALFORMED);
            assertRejected(() -> strategy.authenticate("!" + parts[0] + "." + parts[1] + "." + parts[2]),
                    Reason.MALFORMED, Reason.BAD_SIGNATURE);
            assertRejected(() -> strategy.authenticate(parts[0] + ".!" + parts[1] + "." + parts[2]),
                    Reason.MALFORMED, Reason.BAD_SIGNATURE);
            assertRejected(() -> strategy.authenticate(parts[0] + "." + parts[1] + ".!" + parts[2]),
                    Reason.MALFORMED, Reason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void rejectsUnsignedAlgNoneTokens(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String[] parts = strategy.login(ALICE).access().split("\\.");
            String none = base64url("{\"alg\":\"none\",\"typ\":\"" + c.tokenType() + "\"}");

            assertRejected(() -> strategy.authenticate(none + "." + parts[1] + "."), Reason.BAD_SIGNATURE);
            assertRejected(() -> strategy.authenticate(none + "." + parts[1] + "." + parts[2]), Reason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsCredentialsOfAnotherDeployment(StrategyCase c) {
        try (Cluster cluster = cluster(c);
                AuthStrategy stranger = Strategies.create(c.id(), cluster.config.toBuilder()
                        .keys(TestKeys.other(c.algorithm()))
                        .store(new io.github.authbench.store.CaffeineSessionStore(cluster.clock))
                        .build())) {
            AuthStrategy strategy = cluster.node(c.id());
            String foreign = stranger.login(ALICE).access();

            assertRejected(() -> strategy.authenticate(foreign), c.accessIsJwt() ? Reason.BAD_SIGNATURE : Reason.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsEverySingleChangedCharacter(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            Reason[] honest = c.accessIsJwt()
                    ? new Reason[] {Reason.MALFORMED, Reason.BAD_SIGNATURE}
                    : new Reason[] {Reason.MALFORMED, Reason.UNKNOWN};
            for (int i = 0; i < token.length(); i++) {
                char original = token.charAt(i);
                char replacement = original == 'A' ? 'B' : 'A';
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                assertRejected(() -> strategy.authenticate(changed), honest);
            }
        }
    }

    /** A decoder ignores the unused low bits of the last base64url character; a token spelled differently must fail. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithTwinSpelling")
    void rejectsANonCanonicalSpellingOfAGenuineCredential(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            String twin = withLastCharacterBitsFlipped(token);
            assertThat(twin).isNotEqualTo(token);
            assertThat(Base64.getUrlDecoder().decode(lastSegment(twin)))
                    .as("the twin decodes to the same bytes")
                    .isEqualTo(Base64.getUrlDecoder().decode(lastSegment(token)));

            assertRejected(() -> strategy.authenticate(twin), Reason.BAD_SIGNATURE, Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expiresWithItsLifetime(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Credentials credentials = strategy.login(ALICE);

            cluster.clock.moveTo(credentials.accessExpiresAt().minusSeconds(1));
            assertThat(strategy.authenticate(credentials.access())).isEqualTo(ALICE);

            Credentials fresh = strategy.login(BOB);
            cluster.clock.moveTo(fresh.accessExpiresAt().plus(Cluster.CLOCK_SKEW).plusSeconds(1));
            assertRejected(() -> strategy.authenticate(fresh.access()), Reason.EXPIRED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void rejectsGenuineTokensWithoutExp(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String noExp = sign(c, genuineClaims(cluster, c));

            assertRejected(() -> strategy.authenticate(noExp), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void rejectsGenuineTokensOfAnotherTypeOrAudience(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Date exp = Date.from(cluster.clock.instant().plusSeconds(60));
            String plainJwt = sign(c, genuineClaims(cluster, c).expiration(exp).header().type("JWT").and());
            String otherAudience = sign(c, genuineClaims(cluster, c).expiration(exp)
                    .audience().single("another-api"));

            assertRejected(() -> strategy.authenticate(plainJwt), Reason.WRONG_TYPE);
            assertRejected(() -> strategy.authenticate(otherAudience), Reason.WRONG_TYPE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void refusesCriticalExtensionsItDoesNotUnderstand(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Date exp = Date.from(cluster.clock.instant().plusSeconds(60));
            String critical = sign(c, genuineClaims(cluster, c).expiration(exp)
                    .header().critical().add("x-must-understand").and().add("x-must-understand", true).and());

            assertRejected(() -> strategy.authenticate(critical), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionBackedCases")
    void rejectsWellFormedIdsTheServerNeverIssuedAsUnknown(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String neverIssued = OpaqueTokens.newId();
            String credential = c.accessIsJwt()
                    ? sign(c, genuineClaims(cluster, c).expiration(Date.from(cluster.clock.instant().plusSeconds(60)))
                            .claim(JwtTokens.SESSION_ID, neverIssued))
                    : neverIssued;

            assertRejected(() -> strategy.authenticate(credential), Reason.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logoutEndsTheLoginOnEveryNodeOrOnlyAtExpiry(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy nodeA = cluster.node(c.id());
            AuthStrategy nodeB = cluster.node(c.id());
            Credentials first = nodeA.login(ALICE);
            Credentials second = nodeA.login(ALICE);

            nodeA.logout(first.access());
            nodeA.logout(first.access());

            assertThat(nodeB.authenticate(second.access())).isEqualTo(ALICE);
            if (c.logoutRevokesAccess()) {
                assertRejected(() -> nodeA.authenticate(first.access()), Reason.REVOKED);
                assertRejected(() -> nodeB.authenticate(first.access()), Reason.REVOKED);
            } else {
                assertThat(nodeA.authenticate(first.access())).isEqualTo(ALICE);
                assertThat(nodeB.authenticate(first.access())).isEqualTo(ALICE);
                cluster.clock.moveTo(first.accessExpiresAt().plus(Cluster.CLOCK_SKEW).plusSeconds(1));
                assertRejected(() -> nodeB.authenticate(first.access()), Reason.EXPIRED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logoutIsSilentOnBadInput(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            for (String bad : new String[] {null, "", "garbage", "a.b.c", "rt_x", "x".repeat(100_000)}) {
                assertThatCode(() -> strategy.logout(bad)).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logoutEverywhereEndsEveryLoginOfTheSubjectOnly(StrategyCase c) throws AuthException {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy nodeA = cluster.node(c.id());
            AuthStrategy nodeB = cluster.node(c.id());
            Credentials first = nodeA.login(ALICE);
            Credentials second = nodeB.login(ALICE);
            Credentials bobs = nodeA.login(BOB);

            nodeA.logoutEverywhere("alice");

            assertThat(nodeB.authenticate(bobs.access())).isEqualTo(BOB);
            for (Credentials alices : List.of(first, second)) {
                if (c.logoutRevokesAccess()) {
                    assertRejected(() -> nodeA.authenticate(alices.access()), Reason.REVOKED);
                    assertRejected(() -> nodeB.authenticate(alices.access()), Reason.REVOKED);
                } else {
                    assertThat(nodeB.authenticate(alices.access())).isEqualTo(ALICE);
                }
            }
            cluster.clock.advance(Duration.ofSeconds(1));
            assertThat(nodeB.authenticate(nodeA.login(ALICE).access()))
                    .as("a login after logout-everywhere works")
                    .isEqualTo(ALICE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithoutRefresh")
    void refreshIsUnsupportedWhereThereIsNothingToRefresh(StrategyCase c) {
        try (Cluster cluster = cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String access = strategy.login(ALICE).access();

            assertThatThrownBy(() -> strategy.refresh(access)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void createWithoutSharedKeysOrStoreMakesAnIndependentInstance(StrategyCase c) throws AuthException {
        StrategyConfig config = StrategyConfig.builder().algorithm(c.algorithm()).build();
        try (AuthStrategy one = Strategies.create(c.id(), config);
                AuthStrategy other = Strategies.create(c.id(), config)) {
            String access = one.login(ALICE).access();

            assertThat(one.authenticate(access)).isEqualTo(ALICE);
            assertRejected(() -> other.authenticate(access), c.accessIsJwt() ? Reason.BAD_SIGNATURE : Reason.UNKNOWN);
        }
    }

    /** Claims as the strategy would sign them, minus exp, signed with the cluster's own key by the test. */
    private static JwtBuilder genuineClaims(Cluster cluster, StrategyCase c) {
        Instant now = cluster.clock.instant();
        return Jwts.builder()
                .header().type(c.tokenType()).and()
                .issuer(cluster.config.issuer())
                .audience().add(cluster.config.audience()).and()
                .subject(ALICE.subject())
                .id(OpaqueTokens.newShortId())
                .issuedAt(Date.from(now))
                .claim(JwtTokens.ROLES, List.copyOf(ALICE.roles()))
                .claim(JwtTokens.ATTRIBUTES, ALICE.attributes())
                .claim(JwtTokens.AUTH_TIME, now.getEpochSecond());
    }

    private static String sign(StrategyCase c, JwtBuilder builder) {
        SigningKeys keys = TestKeys.of(c.algorithm());
        return builder.signWith(keys.signingKey(), keys.jwsAlgorithm()).compact();
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String lastSegment(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** The same credential with the unused bits of its last character set: different text, same decoded bytes. */
    private static String withLastCharacterBitsFlipped(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int unusedBits = switch (lastSegment(token).length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        char last = token.charAt(token.length() - 1);
        int flipped = alphabet.indexOf(last) | ((1 << unusedBits) - 1);
        return token.substring(0, token.length() - 1) + alphabet.charAt(flipped);
    }
}

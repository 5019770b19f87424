package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict JWS rules every JWT strategy enforces, for every algorithm: tokens genuinely signed with the deployment's
 * own key, as a misbehaving signer or another service sharing the key could make them (RFC 8725), are refused when
 * they carry what our tokens never do, and the reason is the honest one.
 */
class StrictJwsTest {

    static final Principal ALICE = StrategyContractTest.ALICE;

    static Stream<StrategyCase> jwtCases() {
        return StrategyCase.jwt();
    }

    static Stream<StrategyCase> stateless() {
        return StrategyCase.jwt().filter(c -> !c.id().equals("stateful-jwt"));
    }

    static Stream<StrategyCase> refreshedByItsAccessToken() {
        return StrategyCase.jwt().filter(c -> c.id().equals("sliding-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aSignatureOfTheWrongLengthIsRefusedEvenWhereTheJdkWouldVerifyIt(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();

            String zeroAppended = ForgedJws.withSignatureBytes(token, s -> Arrays.copyOf(s, s.length + 1));
            String shortened = ForgedJws.withSignatureBytes(token, s -> Arrays.copyOf(s, s.length - 1));

            assertRejected(() -> strategy.authenticate(zeroAppended), Reason.BAD_SIGNATURE);
            assertRejected(() -> strategy.authenticate(shortened), Reason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void headerParametersOurTokensNeverUseAreRefusedAsMalformed(StrategyCase c) throws AuthException {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            SigningKeys keys = TestKeys.of(c.algorithm());
            assertThat(strategy.authenticate(ForgedJws.resign(keys, token, h -> { }, p -> { })))
                    .as("the forger's own re-signing is genuine")
                    .isEqualTo(ALICE);

            List<Consumer<Map<String, Object>>> headers = List.of(
                    h -> h.put("crit", List.of()),
                    h -> h.put("b64", false),
                    h -> h.put("b64", true),
                    h -> h.put("zip", "DEF"),
                    h -> h.put("kid", "key-1"),
                    h -> h.put("jku", "https://attacker.example/keys"));
            for (Consumer<Map<String, Object>> header : headers) {
                String odd = ForgedJws.resign(keys, token, header, p -> { });
                assertRejected(() -> strategy.authenticate(odd), Reason.MALFORMED);
            }
        }
    }

    /** JSON can escape a lone surrogate, which no Java string of a principal may hold (it has no UTF-8 form). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stateless")
    void aGenuineTokenWithALoneSurrogateInAClaimIsMalformed(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String token = strategy.login(ALICE).access();
            Map<String, Object> header = ForgedJws.members(token, 0);
            Map<String, Object> payload = ForgedJws.members(token, 1);
            payload.put("sub", "LONE");
            byte[] json = new String(ForgedJws.json(payload), StandardCharsets.UTF_8)
                    .replace("LONE", "\\ud800").getBytes(StandardCharsets.UTF_8);
            String lone = ForgedJws.sign(TestKeys.of(c.algorithm()), ForgedJws.json(header), json);

            assertRejected(() -> strategy.authenticate(lone), Reason.MALFORMED);
        }
    }

    /** A signed 8 KB compressed token would inflate to megabytes on every request: it is never inflated. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aCompressedPayloadIsRefusedAsMalformed(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            Map<String, Object> claims = ForgedJws.members(strategy.login(ALICE).access(), 1);
            claims.put("pad", "A".repeat(1 << 20));
            String compressed = Jwts.builder()
                    .header().type(c.tokenType()).and()
                    .claims(claims)
                    .compressWith(Jwts.ZIP.DEF)
                    .signWith(keys.signingKey(), keys.jwsAlgorithm())
                    .compact();
            assertThat(compressed.length()).isLessThan(StrategyConfig.MAX_CREDENTIAL_CHARS);

            assertRejected(() -> strategy.authenticate(compressed), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void segmentsThatAreNotUtf8AreRefusedNotRepaired(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            byte[] header = ForgedJws.json(ForgedJws.members(token, 0));
            byte[] payload = ForgedJws.json(ForgedJws.members(token, 1));

            String badIssuer = ForgedJws.sign(keys, header, replace(payload, "\"" + cluster.config.issuer() + "\"",
                    "\"" + cluster.config.issuer() + "\u00ff\""));
            String badHeader = ForgedJws.sign(keys, replace(header, "\"" + c.tokenType() + "\"",
                    "\"" + c.tokenType() + "\u00ff\""), payload);

            assertRejected(() -> strategy.authenticate(badIssuer), Reason.MALFORMED);
            if (new String(payload, StandardCharsets.UTF_8).contains("\"alice\"")) {
                String badSubject = ForgedJws.sign(keys, header, replace(payload, "\"alice\"", "\"alice\u00ff\""));
                assertRejected(() -> strategy.authenticate(badSubject), Reason.MALFORMED);
            }
            assertRejected(() -> strategy.authenticate(badHeader), Reason.MALFORMED);
        }
    }

    /**
     * Two readers must never see two different tokens: a member written twice, at any depth of the payload or in the
     * header, is refused whatever the library would make of it (java-jwt alone reads the last one).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aMemberWrittenTwiceIsMalformedAtAnyDepth(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            String header = new String(ForgedJws.json(ForgedJws.members(token, 0)), StandardCharsets.UTF_8);
            String payload = new String(ForgedJws.json(ForgedJws.members(token, 1)), StandardCharsets.UTF_8);
            byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);

            String who = ForgedJws.members(token, 1).containsKey("sub") ? "sub" : "sid";
            for (String twice : List.of(
                    payload.replaceFirst("\\{", "{\"" + who + "\":\"mallory\","),
                    payload.replaceFirst("\\{", "{\"iss\":\"" + cluster.config.issuer() + "\","),
                    payload.replaceFirst("\\{", "{\"nested\":{\"role\":\"user\",\"role\":\"admin\"},"))) {
                String odd = ForgedJws.sign(keys, headerBytes, twice.getBytes(StandardCharsets.UTF_8));
                assertRejected(() -> strategy.authenticate(odd), Reason.MALFORMED);
            }
            String algTwice = ForgedJws.sign(keys,
                    header.replaceFirst("\\{", "{\"alg\":\"none\",").getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8));
            assertRejected(() -> strategy.authenticate(algTwice), Reason.MALFORMED);
        }
    }

    /**
     * The header is read before any crypto: one naming another algorithm than the deployment's (though signed with
     * the deployment's key and algorithm, so the signature's length fits) is not ours; a header member that is not a
     * string is malformed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aHeaderNamingAnotherAlgorithmOrHoldingANonStringIsRefusedBeforeTheLibrary(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            String other = c.algorithm().equals("HS256") ? "HS384" : "HS256";

            String anotherAlg = ForgedJws.resign(keys, token, h -> h.put("alg", other), p -> { });
            String numericTyp = ForgedJws.resign(keys, token, h -> h.put("typ", 1), p -> { });
            String objectAlg = ForgedJws.resign(keys, token, h -> h.put("alg", Map.of("name", c.algorithm())), p -> { });

            assertRejected(() -> strategy.authenticate(anotherAlg), Reason.BAD_SIGNATURE);
            assertRejected(() -> strategy.authenticate(numericTyp), Reason.MALFORMED);
            assertRejected(() -> strategy.authenticate(objectAlg), Reason.MALFORMED);
        }
    }

    /** A genuinely signed payload nested as deep as a credential allows is a rejection, not a stack overflow. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aDeeplyNestedPayloadIsMalformedNotAnError(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            String payload = new String(ForgedJws.json(ForgedJws.members(token, 1)), StandardCharsets.UTF_8);
            int depth = 2_500;
            String nested = payload.replaceFirst("\\{",
                    "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",");
            String deep = ForgedJws.sign(keys, ForgedJws.json(ForgedJws.members(token, 0)),
                    nested.getBytes(StandardCharsets.UTF_8));
            assertThat(deep.length()).as("within the credential limit").isLessThanOrEqualTo(StrategyConfig.MAX_CREDENTIAL_CHARS);

            assertRejected(() -> strategy.authenticate(deep), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void datesMustBeIntegersInRange(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            long exp = ((Number) ForgedJws.members(token, 1).get("exp")).longValue();

            for (Object badExp : List.of(Long.toString(exp), exp + 0.5, new java.math.BigInteger("99999999999999999999"),
                    Long.MAX_VALUE, -1L, true)) {
                String odd = ForgedJws.withClaims(keys, token, p -> p.put("exp", badExp));
                assertRejected(() -> strategy.authenticate(odd), Reason.MALFORMED);
            }
            String iatAsText = ForgedJws.withClaims(keys, token, p -> p.put("iat", p.get("iat").toString()));
            assertRejected(() -> strategy.authenticate(iatAsText), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aTokenLivingLongerThanTheServerIssuesOrIssuedInTheFutureIsRefused(StrategyCase c) throws AuthException {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            long now = cluster.clock.instant().getEpochSecond();
            long skew = Cluster.CLOCK_SKEW.toSeconds();

            String tenYears = ForgedJws.withClaims(keys, token,
                    p -> p.put("exp", now + Duration.ofDays(3650).toSeconds()));
            String future = ForgedJws.withClaims(keys, token, p -> {
                p.put("iat", now + skew + 1);
                p.put("exp", now + skew + 61);
            });
            String withinSkew = ForgedJws.withClaims(keys, token, p -> {
                p.put("iat", now + skew);
                p.put("exp", now + skew + 60);
            });

            assertRejected(() -> strategy.authenticate(tenYears), Reason.MALFORMED);
            assertRejected(() -> strategy.authenticate(future), Reason.MALFORMED);
            assertThat(strategy.authenticate(withinSkew)).as("a node whose clock runs ahead within the skew")
                    .isEqualTo(ALICE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refreshedByItsAccessToken")
    void anAbsurdAuthTimeIsARejectionNotARuntimeError(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            long iat = ((Number) ForgedJws.members(token, 1).get("iat")).longValue();

            for (Object authTime : List.of(new java.math.BigInteger("1000000000000000000000000000000"),
                    Long.MAX_VALUE, Long.MIN_VALUE, -1L, "0", 1.5, iat + 1)) {
                String odd = ForgedJws.withClaims(keys, token, p -> p.put(JwtTokens.AUTH_TIME, authTime));
                assertRejected(() -> strategy.refresh(odd), Reason.MALFORMED);
            }
        }
    }

    /** RFC 7519 4.1.4: the token must not be accepted on or after exp; with no skew allowed, exp itself is too late. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void atExpExactlyTheTokenIsExpired(StrategyCase c) throws AuthException {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id(), config -> config.clockSkew(Duration.ZERO));
            Credentials credentials = strategy.login(ALICE);

            cluster.clock.moveTo(credentials.accessExpiresAt().minusMillis(1));
            assertThat(strategy.authenticate(credentials.access())).isEqualTo(ALICE);
            cluster.clock.moveTo(credentials.accessExpiresAt());
            assertRejected(() -> strategy.authenticate(credentials.access()), Reason.EXPIRED);
        }
    }

    /** With the default skew the same holds at exp plus the skew (a stateful-jwt's session itself ends at exp). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stateless")
    void atExpPlusTheSkewTheTokenIsExpired(StrategyCase c) throws AuthException {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            Credentials credentials = strategy.login(ALICE);
            Instant end = credentials.accessExpiresAt().plus(Cluster.CLOCK_SKEW);

            cluster.clock.moveTo(end.minusMillis(1));
            assertThat(strategy.authenticate(credentials.access())).isEqualTo(ALICE);
            cluster.clock.moveTo(end);
            assertRejected(() -> strategy.authenticate(credentials.access()), Reason.EXPIRED);
        }
    }

    /** A genuine signature over something that is not one of our tokens is a malformed token, not a forgery. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void genuinelySignedStructuralProblemsAreMalformedNotBadSignatures(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            SigningKeys keys = TestKeys.of(c.algorithm());
            String token = strategy.login(ALICE).access();
            byte[] header = ForgedJws.json(ForgedJws.members(token, 0));
            String payload = new String(ForgedJws.json(ForgedJws.members(token, 1)), StandardCharsets.UTF_8);

            for (String body : List.of("[1,2]", "\"alice\"", "hello", "", payload + "{}",
                    payload.replaceFirst("\\{", "{\"iss\":\"https://attacker.example\","),
                    payload.replaceFirst("\\{", "{\"exp\":" + Long.MAX_VALUE + ","))) {
                String odd = ForgedJws.sign(keys, header, body.getBytes(StandardCharsets.UTF_8));
                assertRejected(() -> strategy.authenticate(odd), Reason.MALFORMED);
            }
            String trailingHeader = ForgedJws.sign(keys,
                    (new String(header, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8));
            assertRejected(() -> strategy.authenticate(trailingHeader), Reason.MALFORMED);
            String critical = ForgedJws.resign(keys, token, h -> {
                h.put("crit", List.of("x-must-understand"));
                h.put("x-must-understand", true);
            }, p -> { });
            assertRejected(() -> strategy.authenticate(critical), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void aGenuineTokenWithoutIatIsMalformed(StrategyCase c) {
        try (Cluster cluster = new Cluster(c)) {
            AuthStrategy strategy = cluster.node(c.id());
            String noIat = ForgedJws.withClaims(TestKeys.of(c.algorithm()), strategy.login(ALICE).access(),
                    p -> p.remove("iat"));

            assertRejected(() -> strategy.authenticate(noIat), Reason.MALFORMED);
        }
    }

    private static byte[] replace(byte[] json, String from, String to) {
        String text = new String(json, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(from + " not in " + text);
        }
        // ISO-8859-1 keeps U+00FF as the single byte 0xFF: not UTF-8
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}

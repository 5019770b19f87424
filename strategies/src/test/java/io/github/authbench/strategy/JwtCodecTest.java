package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each library's codec does on its own, the part the benchmarks' per-library floor measures: it verifies what any
 * library signed with the same key (they all write RFC 7515 JWS), and refuses another key, another issuer or audience,
 * an unsigned token and a changed payload with the reason the strategies report.
 */
class JwtCodecTest {

    private static final String ISSUER = "https://authbench.example";
    private static final String AUDIENCE = "authbench-api";

    /** Every library with every algorithm it supports. */
    static Stream<Arguments> librariesAndAlgorithms() {
        return Arrays.stream(JwtLibrary.values())
                .flatMap(library -> library.algorithms().stream().map(algorithm -> Arguments.of(library, algorithm)));
    }

    /** Every signing library, every verifying library, one algorithm all support. */
    static Stream<Arguments> librarySignerVerifierPairs() {
        return Arrays.stream(JwtLibrary.values()).flatMap(signer -> Arrays.stream(JwtLibrary.values())
                .flatMap(verifier -> Stream.of("HS256", "ES256").map(alg -> Arguments.of(signer, verifier, alg))));
    }

    private static Map<String, Object> claims(String issuer, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("sub", "alice");
        claims.put("roles", List.of("user"));
        claims.put("attrs", Map.of("tenant", "acme"));
        return claims;
    }

    @ParameterizedTest(name = "{2}: signed by {0}, verified by {1}")
    @MethodSource("librarySignerVerifierPairs")
    void everyLibraryVerifiesWhatAnyLibrarySignedWithTheSameKey(JwtLibrary signer, JwtLibrary verifier, String alg)
            throws AuthException {
        SigningKeys keys = TestKeys.of(alg);
        // One set of claims: computed twice, a second may tick between them and the exps differ by one.
        Map<String, Object> claims = claims(ISSUER, AUDIENCE);
        String token = signer.codec(keys, ISSUER, AUDIENCE).sign("at+jwt", claims);

        verifier.codec(keys, ISSUER, AUDIENCE).verify(token);

        assertThat(StrictJws.readPayload(token).subject()).isEqualTo("alice");
        assertThat(StrictJws.readPayload(token).seconds("exp")).isEqualTo(claims.get("exp"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("librariesAndAlgorithms")
    void refusesAnotherKeyAnUnsignedTokenAndAChangedPayloadAsBadSignatures(JwtLibrary library, String alg) {
        JwtCodec codec = library.codec(TestKeys.of(alg), ISSUER, AUDIENCE);
        String foreign = library.codec(TestKeys.other(alg), ISSUER, AUDIENCE).sign("at+jwt", claims(ISSUER, AUDIENCE));
        String genuine = codec.sign("at+jwt", claims(ISSUER, AUDIENCE));
        String[] parts = genuine.split("\\.");
        Map<String, Object> changed = claims(ISSUER, AUDIENCE);
        changed.put("roles", List.of("admin"));
        String escalated = parts[0] + "." + ForgedJws.base64(ForgedJws.json(changed)) + "." + parts[2];
        String unsigned = ForgedJws.base64(ForgedJws.json(Map.of("alg", "none", "typ", "at+jwt"))) + "." + parts[1] + ".";

        assertRejected(() -> codec.verify(foreign), Reason.BAD_SIGNATURE);
        assertRejected(() -> codec.verify(escalated), Reason.BAD_SIGNATURE);
        assertRejected(() -> codec.verify(unsigned), Reason.BAD_SIGNATURE, Reason.MALFORMED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("librariesAndAlgorithms")
    void aGenuineTokenForAnotherIssuerOrAudienceIsTheWrongType(JwtLibrary library, String alg) {
        JwtCodec codec = library.codec(TestKeys.of(alg), ISSUER, AUDIENCE);
        String otherIssuer = codec.sign("at+jwt", claims("https://other.example", AUDIENCE));
        String otherAudience = codec.sign("at+jwt", claims(ISSUER, "another-api"));

        assertRejected(() -> codec.verify(otherIssuer), Reason.WRONG_TYPE);
        assertRejected(() -> codec.verify(otherAudience), Reason.WRONG_TYPE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("librariesAndAlgorithms")
    void theHeaderIsExactlyTypAndAlg(JwtLibrary library, String alg) {
        String token = library.codec(TestKeys.of(alg), ISSUER, AUDIENCE).sign("at+jwt", claims(ISSUER, AUDIENCE));

        assertThat(ForgedJws.members(token, 0)).isEqualTo(Map.of("alg", alg, "typ", "at+jwt"));
    }

    @Test
    void aLibraryThatLacksAnAlgorithmIsRefusedWhenConfiguredNotMeasuredAsAnother() {
        assertThatThrownBy(() -> StrategyConfig.builder().algorithm("EdDSA").library(JwtLibrary.JAVA_JWT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java-jwt does not support EdDSA");
        assertThat(JwtLibrary.of("nimbus")).isEqualTo(JwtLibrary.NIMBUS);
        assertThatThrownBy(() -> JwtLibrary.of("jose")).hasMessageContaining("expected one of [jjwt, nimbus, java-jwt]");
    }
}

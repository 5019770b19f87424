package io.github.authbench.strategy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTCreationException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * auth0 java-jwt 4: one {@code JWTVerifier}, built once (it is thread-safe), for the deployment's algorithm and key,
 * requiring the issuer and audience.
 */
final class JavaJwtCodec implements JwtCodec {

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    JavaJwtCodec(SigningKeys keys, String issuer, String audience) {
        this.algorithm = algorithm(keys);
        this.verifier = JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .acceptLeeway(JwtTokens.LIBRARY_SKEW.toSeconds())
                .build();
    }

    private static Algorithm algorithm(SigningKeys keys) {
        return switch (keys.algorithm()) {
            case "HS256" -> Algorithm.HMAC256(keys.signingKey().getEncoded());
            case "HS384" -> Algorithm.HMAC384(keys.signingKey().getEncoded());
            case "HS512" -> Algorithm.HMAC512(keys.signingKey().getEncoded());
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) keys.verificationKey(), (RSAPrivateKey) keys.signingKey());
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) keys.verificationKey(), (ECPrivateKey) keys.signingKey());
            default -> throw new IllegalArgumentException("java-jwt does not support " + keys.algorithm());
        };
    }

    @Override
    public String sign(String type, Map<String, Object> claims) {
        try {
            return JWT.create().withHeader(Map.of("typ", type)).withPayload(claims).sign(algorithm);
        } catch (JWTCreationException e) {
            throw new IllegalStateException("java-jwt could not sign: " + e.getMessage(), e);
        }
    }

    @Override
    public void verify(String token) throws AuthException {
        try {
            verifier.verify(token);
        } catch (SignatureVerificationException | AlgorithmMismatchException signature) {
            throw new AuthException(Reason.BAD_SIGNATURE, signature.getMessage());
        } catch (IncorrectClaimException | MissingClaimException genuineButNotOurs) {
            throw new AuthException(Reason.WRONG_TYPE, "genuine signature, but " + genuineButNotOurs.getMessage());
        } catch (JWTVerificationException unreadable) {
            throw new AuthException(Reason.MALFORMED, unreadable.getMessage());
        }
    }
}

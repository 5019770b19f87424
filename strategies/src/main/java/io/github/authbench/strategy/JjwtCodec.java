package io.github.authbench.strategy;

import io.jsonwebtoken.ClaimJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.PublicKey;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * jjwt 0.13: one immutable, thread-safe parser, built once, that accepts only the deployment's algorithm and key, has
 * no decompressor, and requires the issuer and audience.
 */
final class JjwtCodec implements JwtCodec {

    private final Key signingKey;
    private final SecureDigestAlgorithm<Key, Key> algorithm;
    private final JwtParser parser;

    JjwtCodec(SigningKeys keys, String issuer, String audience) {
        this.signingKey = keys.signingKey();
        this.algorithm = keys.jwsAlgorithm();
        JwtParserBuilder builder = Jwts.parser()
                .sig().clear().add(algorithm).and()
                .zip().clear().and()
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clockSkewSeconds(JwtTokens.LIBRARY_SKEW.toSeconds());
        Key key = keys.verificationKey();
        this.parser = (key instanceof SecretKey secret ? builder.verifyWith(secret) : builder.verifyWith((PublicKey) key))
                .build();
    }

    @Override
    public String sign(String type, Map<String, Object> claims) {
        return Jwts.builder()
                .header().type(type).and()
                .claims(claims)
                .signWith(signingKey, algorithm)
                .compact();
    }

    @Override
    public void verify(String token) throws AuthException {
        try {
            parser.parseSignedClaims(token);
        } catch (InvalidClaimException genuineButNotOurs) {
            throw new AuthException(Reason.WRONG_TYPE, "genuine signature, but " + genuineButNotOurs.getMessage());
        } catch (ClaimJwtException claim) {
            throw new AuthException(Reason.MALFORMED, claim.getMessage());
        } catch (io.jsonwebtoken.security.SecurityException signature) {
            throw new AuthException(Reason.BAD_SIGNATURE, signature.getMessage());
        } catch (JwtException | IllegalArgumentException unreadable) {
            throw new AuthException(Reason.MALFORMED, unreadable.getMessage());
        }
    }
}

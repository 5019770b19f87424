package io.github.authbench.strategy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ClaimJwtException;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Signs and verifies the JWTs of one strategy instance, the way RFC 8725 asks: one key, one algorithm and the parser
 * accepts only that algorithm (3.1); iss and aud are required (3.8, 3.9); an explicit {@code typ} keeps access tokens and
 * session references apart (3.11, 3.12); exp is required; {@code crit} extensions are refused because none is understood;
 * key hints in the header are never followed (the parser has one fixed key).
 *
 * <p>Both parsers are built once: jjwt parsers are immutable and thread-safe.
 */
final class JwtTokens {

    /** Access tokens carrying the principal (RFC 9068's media type). */
    static final String ACCESS_TYPE = "at+jwt";

    /** Tokens carrying only a reference to server-side session state. */
    static final String SESSION_TYPE = "session+jwt";

    static final String ROLES = "roles";
    static final String ATTRIBUTES = "attrs";
    static final String SESSION_ID = "sid";
    static final String AUTH_TIME = "auth_time";

    /** Skew of the logout parser: long enough that no token of ours is too old to be logged out. */
    private static final Duration ANY_AGE = Duration.ofDays(3650);

    private final SigningKeys keys;
    private final SecureDigestAlgorithm<Key, Key> algorithm;
    private final String issuer;
    private final String audience;
    private final JwtParser parser;
    private final JwtParser logoutParser;

    /** Uses the config's shared keys, or generates this instance's own. */
    JwtTokens(StrategyConfig config) {
        this.keys = config.keys().orElseGet(() -> SigningKeys.generate(config.algorithm()));
        this.algorithm = keys.jwsAlgorithm();
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.parser = parserBuilder(config).clockSkewSeconds(config.clockSkew().toSeconds()).build();
        this.logoutParser = parserBuilder(config).clockSkewSeconds(ANY_AGE.toSeconds()).build();
    }

    private JwtParserBuilder parserBuilder(StrategyConfig config) {
        Clock clock = config.clock();
        JwtParserBuilder builder = Jwts.parser()
                .sig().clear().add(algorithm).and()
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()));
        Key key = keys.verificationKey();
        return key instanceof SecretKey secret ? builder.verifyWith(secret) : builder.verifyWith((PublicKey) key);
    }

    /** JWT times have whole seconds; credentials report the instant the token really expires. */
    static Instant wholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A builder with the claims every token of ours has: typ, iss, aud, iat and exp. */
    JwtBuilder newToken(String type, Instant issuedAt, Instant expiresAt) {
        return Jwts.builder()
                .header().type(type).and()
                .issuer(issuer)
                .audience().add(audience).and()
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt));
    }

    /** An access token carrying the principal: sub, roles, attrs and a fresh jti (for denylists). */
    JwtBuilder newAccessToken(Principal principal, Instant issuedAt, Instant expiresAt) {
        return newToken(ACCESS_TYPE, issuedAt, expiresAt)
                .subject(principal.subject())
                .id(OpaqueTokens.newShortId())
                .claim(ROLES, List.copyOf(principal.roles()))
                .claim(ATTRIBUTES, principal.attributes());
    }

    String sign(JwtBuilder token) {
        return token.signWith(keys.signingKey(), algorithm).compact();
    }

    /** The claims of a token that is genuine, of {@code type}, and valid now; otherwise the honest rejection. */
    Claims verify(String token, String type) throws AuthException {
        return parse(parser, token, type);
    }

    /**
     * The claims of a genuine token of {@code type}, however long expired, or {@code null}: logout must work with an old
     * token, and must never act on a forged one.
     */
    Claims verifyForLogout(String token, String type) {
        try {
            return parse(logoutParser, token, type);
        } catch (AuthException e) {
            return null;
        }
    }

    private static Claims parse(JwtParser parser, String token, String type) throws AuthException {
        CredentialText.require(token);
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot < 0 || firstDot == lastDot || token.indexOf('.', firstDot + 1) != lastDot) {
            throw new AuthException(Reason.MALFORMED, "a JWS has exactly three dot-separated parts");
        }
        if (!OpaqueTokens.isBase64Url(token, lastDot + 1, token.length())) {
            throw new AuthException(Reason.MALFORMED, "signature is not base64url");
        }
        if (OpaqueTokens.hasStrayTailBits(token, lastDot + 1, token.length())) {
            throw new AuthException(Reason.BAD_SIGNATURE, "signature is a non-canonical spelling of base64url");
        }
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            throw rejection(e);
        }
        if (!type.equals(jws.getHeader().getType())) {
            throw new AuthException(Reason.WRONG_TYPE, "typ is " + jws.getHeader().getType() + ", expected " + type);
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null) {
            throw new AuthException(Reason.MALFORMED, "token has no exp");
        }
        return claims;
    }

    /** Maps jjwt's verdict to the reason a report shows. Order matters: the specific exception types come first. */
    private static AuthException rejection(RuntimeException e) {
        if (e instanceof ExpiredJwtException) {
            return new AuthException(Reason.EXPIRED, "token expired at " + ((ExpiredJwtException) e).getClaims().getExpiration().toInstant());
        }
        if (e instanceof InvalidClaimException) {
            return new AuthException(Reason.WRONG_TYPE, "genuine signature, but " + e.getMessage());
        }
        if (e instanceof ClaimJwtException) {
            return new AuthException(Reason.MALFORMED, e.getMessage());
        }
        if (e instanceof io.jsonwebtoken.security.SecurityException) {
            return new AuthException(Reason.BAD_SIGNATURE, e.getMessage());
        }
        if (e instanceof UnsupportedJwtException) {
            return new AuthException(Reason.BAD_SIGNATURE, "unsigned, encrypted or critical-extension JWT: " + e.getMessage());
        }
        return new AuthException(Reason.MALFORMED, e.getMessage());
    }

    /** The principal an access token carries; a genuine token without well-typed claims is malformed. */
    static Principal principalOf(Claims claims) throws AuthException {
        Object roles = claims.get(ROLES);
        Object attributes = claims.get(ATTRIBUTES);
        if (claims.getSubject() == null || claims.getSubject().isBlank() || !(roles instanceof List<?> roleList) || !(attributes instanceof Map<?, ?> attributeMap)) {
            throw new AuthException(Reason.MALFORMED, "token lacks sub, roles or attrs");
        }
        Set<String> roleSet = new LinkedHashSet<>();
        for (Object role : roleList) {
            if (!(role instanceof String r)) {
                throw new AuthException(Reason.MALFORMED, "a role is not a string");
            }
            roleSet.add(r);
        }
        Map<String, String> attributeValues = new LinkedHashMap<>();
        for (Map.Entry<?, ?> attribute : attributeMap.entrySet()) {
            if (!(attribute.getValue() instanceof String value)) {
                throw new AuthException(Reason.MALFORMED, "attribute " + attribute.getKey() + " is not a string");
            }
            attributeValues.put(attribute.getKey().toString(), value);
        }
        return new Principal(claims.getSubject(), roleSet, attributeValues);
    }
}

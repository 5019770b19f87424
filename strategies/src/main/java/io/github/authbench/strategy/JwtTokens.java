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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * session references apart (3.11, 3.12); key hints in the header are never followed (the parser has one fixed key).
 * Beyond what the library checks, {@link StrictJws} refuses every header parameter but alg and typ (so no compressed,
 * critical-extension or unencoded payloads), signatures of the wrong length, payloads that are not UTF-8 and dates that
 * are not integers; and the dates must make sense: exp and iat present, the token expired at exp (plus the skew), iat
 * not later than now plus the skew, and no token living longer than this server issues them for.
 *
 * <p>The parser is built once (jjwt parsers are immutable and thread-safe) and has no decompressor.
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

    /**
     * The library's own clock skew: long enough that it never judges a date. Every time rule is checked here, once,
     * whatever the library: jjwt accepts a token at the instant of its exp, and reads exp given as a string.
     */
    private static final Duration ANY_AGE = Duration.ofDays(3650);

    private final SigningKeys keys;
    private final SecureDigestAlgorithm<Key, Key> algorithm;
    private final String issuer;
    private final String audience;
    private final JwtParser parser;
    private final Clock clock;
    private final long skewSeconds;
    /** The longest any token of this instance lives, exp minus iat, in whole seconds. */
    private final long maxLifetimeSeconds;
    private final int signatureChars;
    /** The header segments this instance signs with, one per token type: they pass the strict header check as they are. */
    private final Set<String> ownHeaders;

    /** Uses the config's shared keys, or generates this instance's own. */
    JwtTokens(StrategyConfig config) {
        this.keys = config.keys().orElseGet(() -> SigningKeys.generate(config.algorithm()));
        this.algorithm = keys.jwsAlgorithm();
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.clock = config.clock();
        this.skewSeconds = config.clockSkew().toSeconds();
        this.maxLifetimeSeconds = ceilSeconds(config.accessTtl());
        this.signatureChars = StrictJws.base64UrlChars(keys.signatureBytes());
        this.parser = parser(config);
        this.ownHeaders = Set.of(headerSegment(ACCESS_TYPE), headerSegment(SESSION_TYPE));
    }

    private static long ceilSeconds(Duration duration) {
        return duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    private JwtParser parser(StrategyConfig config) {
        Clock clock = config.clock();
        JwtParserBuilder builder = Jwts.parser()
                .sig().clear().add(algorithm).and()
                .zip().clear().and()
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(ANY_AGE.toSeconds());
        Key key = keys.verificationKey();
        return (key instanceof SecretKey secret ? builder.verifyWith(secret) : builder.verifyWith((PublicKey) key))
                .build();
    }

    /** The base64url header jjwt writes for tokens of {@code type}: typ, then alg (JwtTokensTest checks the order). */
    private String headerSegment(String type) {
        String json = "{\"typ\":\"" + type + "\",\"alg\":\"" + algorithm.getId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The header segments that skip the strict header check, for tests. */
    Set<String> ownHeaders() {
        return ownHeaders;
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

    /**
     * The signed token.
     *
     * @throws IllegalArgumentException when the principal makes the token longer than a credential may be: a login
     *     is refused rather than handed a token that every authenticate would reject as too large
     */
    String sign(JwtBuilder token) {
        String compact = token.signWith(keys.signingKey(), algorithm).compact();
        if (compact.length() > StrategyConfig.MAX_CREDENTIAL_CHARS) {
            throw new IllegalArgumentException("principal too large: its token would have " + compact.length()
                    + " chars, a credential may have at most " + StrategyConfig.MAX_CREDENTIAL_CHARS);
        }
        return compact;
    }

    /** The claims of a token that is genuine, of {@code type}, and valid now; otherwise the honest rejection. */
    Claims verify(String token, String type) throws AuthException {
        Genuine genuine = parse(token, type);
        checkTimes(genuine.dates());
        return genuine.claims();
    }

    /**
     * RFC 7519 4.1.4: expired on or after exp (plus the allowed skew); the library accepts the instant itself. iat may
     * not lie beyond the skew in the future, and exp not further from iat than this server's token lifetime, so a
     * signer that misbehaves cannot mint a token that lives for years.
     */
    private void checkTimes(StrictJws.Dates dates) throws AuthException {
        if (dates.exp() == null || dates.iat() == null) {
            throw new AuthException(Reason.MALFORMED, "token has no " + (dates.exp() == null ? "exp" : "iat"));
        }
        if (dates.hasNotBefore()) {
            throw new AuthException(Reason.MALFORMED, "token has an nbf: ours are valid from their iat");
        }
        Instant now = clock.instant();
        if (!now.isBefore(Instant.ofEpochSecond(dates.exp() + skewSeconds))) {
            throw new AuthException(Reason.EXPIRED, "token expired at " + Instant.ofEpochSecond(dates.exp()));
        }
        if (Instant.ofEpochSecond(dates.iat()).isAfter(now.plusSeconds(skewSeconds))) {
            throw new AuthException(Reason.MALFORMED, "token is issued in the future, beyond the allowed clock skew");
        }
        if (dates.exp() - dates.iat() > maxLifetimeSeconds) {
            throw new AuthException(Reason.MALFORMED, "token lives longer than this server issues tokens for");
        }
    }

    /**
     * The claims of a genuine token of {@code type}, however long expired, or {@code null}: logout must work with an old
     * token, and must never act on a forged one.
     */
    Claims verifyForLogout(String token, String type) {
        try {
            Genuine genuine = parse(token, type);
            return genuine.dates().exp() == null ? null : genuine.claims();
        } catch (AuthException e) {
            return null;
        }
    }

    /** A token's claims as the library read them, and its dates as read strictly from its own bytes. */
    private record Genuine(Claims claims, StrictJws.Dates dates) {}

    /** A genuine token of {@code type}, read strictly; its dates are not judged yet. */
    private Genuine parse(String token, String type) throws AuthException {
        StrictJws.checkShape(CredentialText.require(token), signatureChars);
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ClaimJwtException genuineButRefused) {
            // the library judged a claim, so the signature held: a token that is not strictly ours says so first
            StrictJws.checkContent(token, ownHeaders);
            throw rejection(genuineButRefused, token);
        } catch (JwtException | IllegalArgumentException e) {
            throw rejection(e, token);
        }
        StrictJws.Dates dates = StrictJws.checkContent(token, ownHeaders);
        if (!type.equals(jws.getHeader().getType())) {
            throw new AuthException(Reason.WRONG_TYPE, "typ is " + jws.getHeader().getType() + ", expected " + type);
        }
        return new Genuine(jws.getPayload(), dates);
    }

    /**
     * Maps jjwt's verdict to the reason a report shows. Order matters: the specific exception types come first. jjwt
     * refuses unsigned tokens and tokens it cannot process (a crit it does not know, a compressed or non-JSON payload)
     * with the same exception type: only the first are a signature problem.
     */
    private static AuthException rejection(RuntimeException e, String token) {
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
            String alg = StrictJws.algorithmOf(token);
            return alg == null || alg.equals("none")
                    ? new AuthException(Reason.BAD_SIGNATURE, "unsigned JWT: " + e.getMessage())
                    : new AuthException(Reason.MALFORMED, "a JWS our tokens never are: " + e.getMessage());
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

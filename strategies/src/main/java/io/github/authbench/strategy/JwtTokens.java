package io.github.authbench.strategy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs and verifies the JWTs of one strategy instance, the way RFC 8725 asks: one key, one algorithm and only that
 * algorithm accepted (3.1); iss and aud are required (3.8, 3.9); an explicit {@code typ} keeps access tokens and session
 * references apart (3.11, 3.12); key hints in the header are never followed (the verifier has one fixed key). The
 * signature and the issuer and audience are checked by the configured {@link JwtLibrary}; around it, whatever the
 * library, {@link StrictJws} refuses every header parameter but alg and typ (so no compressed, critical-extension or
 * unencoded payloads) and every other alg before any crypto, signatures of the wrong length, payloads that are not
 * UTF-8 and dates that are not integers, and reads the claims from the token's own bytes; and the dates must make
 * sense: exp and iat present, the token expired at exp (plus the skew), iat not later than now plus the skew, and no
 * token living longer than this server issues them for.
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
     * The libraries' own clock skew: long enough that none ever judges a date. Every time rule is checked here, once,
     * whatever the library: jjwt accepts a token at the instant of its exp, and reads exp given as a string.
     */
    static final Duration LIBRARY_SKEW = Duration.ofDays(3650);

    private final JwtLibrary library;
    private final JwtCodec codec;
    private final String algorithm;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final long skewSeconds;
    /** The longest any token of this instance lives, exp minus iat, in whole seconds. */
    private final long maxLifetimeSeconds;
    private final int signatureChars;
    /** The header segments this instance signs with, to the typ of each: they pass the strict header check as they are. */
    private final Map<String, String> ownHeaders;

    /** Uses the config's shared keys, or generates this instance's own, and the config's library. */
    JwtTokens(StrategyConfig config) {
        SigningKeys keys = config.keys().orElseGet(() -> SigningKeys.generate(config.algorithm()));
        this.library = config.library();
        this.algorithm = keys.algorithm();
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.codec = library.codec(keys, issuer, audience);
        this.clock = config.clock();
        this.skewSeconds = config.clockSkew().toSeconds();
        this.maxLifetimeSeconds = ceilSeconds(config.accessTtl());
        this.signatureChars = StrictJws.base64UrlChars(keys.signatureBytes());
        this.ownHeaders = Map.of(headerSegment(ACCESS_TYPE), ACCESS_TYPE, headerSegment(SESSION_TYPE), SESSION_TYPE);
    }

    private static long ceilSeconds(Duration duration) {
        return duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /** The header segment the library writes for tokens of {@code type}: it is the same whatever the claims. */
    private String headerSegment(String type) {
        String probe = codec.sign(type, Map.of());
        return probe.substring(0, probe.indexOf('.'));
    }

    /** The header segments that skip the strict header check, for tests. */
    Set<String> ownHeaders() {
        return ownHeaders.keySet();
    }

    /** JWT times have whole seconds; credentials report the instant the token really expires. */
    static Instant wholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A draft with the claims every token of ours has: iss, aud, iat and exp. */
    TokenDraft newToken(String type, Instant issuedAt, Instant expiresAt) {
        return new TokenDraft(type)
                .claim("iss", issuer)
                .claim("aud", audience)
                .claim("iat", issuedAt.getEpochSecond())
                .claim("exp", expiresAt.getEpochSecond());
    }

    /** An access token carrying the principal: sub, roles, attrs and a fresh jti (for denylists). */
    TokenDraft newAccessToken(Principal principal, Instant issuedAt, Instant expiresAt) {
        return newToken(ACCESS_TYPE, issuedAt, expiresAt)
                .claim("sub", principal.subject())
                .claim("jti", OpaqueTokens.newShortId())
                .claim(ROLES, List.copyOf(principal.roles()))
                .claim(ATTRIBUTES, principal.attributes());
    }

    /**
     * The signed token.
     *
     * @throws IllegalArgumentException when the principal makes the token longer than a credential may be: a login
     *     is refused rather than handed a token that every authenticate would reject as too large
     */
    String sign(TokenDraft token) {
        String compact = codec.sign(token.type(), token.claims());
        if (compact.length() > StrategyConfig.MAX_CREDENTIAL_CHARS) {
            throw new IllegalArgumentException("principal too large: its token would have " + compact.length()
                    + " chars, a credential may have at most " + StrategyConfig.MAX_CREDENTIAL_CHARS);
        }
        return compact;
    }

    /** The claims of a token that is genuine, of {@code type}, and valid now; otherwise the honest rejection. */
    VerifiedClaims verify(String token, String type) throws AuthException {
        VerifiedClaims claims = parse(token, type);
        checkTimes(claims);
        return claims;
    }

    /**
     * RFC 7519 4.1.4: expired on or after exp (plus the allowed skew); the library accepts the instant itself. iat may
     * not lie beyond the skew in the future, and exp not further from iat than this server's token lifetime, so a
     * signer that misbehaves cannot mint a token that lives for years.
     */
    private void checkTimes(VerifiedClaims claims) throws AuthException {
        Long exp = claims.seconds("exp");
        Long iat = claims.seconds("iat");
        if (exp == null || iat == null) {
            throw new AuthException(Reason.MALFORMED, "token has no " + (exp == null ? "exp" : "iat"));
        }
        if (claims.seconds("nbf") != null) {
            throw new AuthException(Reason.MALFORMED, "token has an nbf: ours are valid from their iat");
        }
        Instant now = clock.instant();
        if (!now.isBefore(Instant.ofEpochSecond(exp + skewSeconds))) {
            throw new AuthException(Reason.EXPIRED, "token expired at " + Instant.ofEpochSecond(exp));
        }
        if (Instant.ofEpochSecond(iat).isAfter(now.plusSeconds(skewSeconds))) {
            throw new AuthException(Reason.MALFORMED, "token is issued in the future, beyond the allowed clock skew");
        }
        if (exp - iat > maxLifetimeSeconds) {
            throw new AuthException(Reason.MALFORMED, "token lives longer than this server issues tokens for");
        }
    }

    /**
     * The claims of a genuine token of {@code type}, however long expired, or {@code null}: logout must work with an old
     * token, and must never act on a forged one.
     */
    VerifiedClaims verifyForLogout(String token, String type) {
        try {
            VerifiedClaims claims = parse(token, type);
            return claims.seconds("exp") == null ? null : claims;
        } catch (AuthException e) {
            return null;
        }
    }

    /**
     * A genuine token of {@code type}, read strictly; its dates are not judged yet. The cheap checks come first, so a
     * forged token costs no crypto when its shape or header gives it away.
     */
    private VerifiedClaims parse(String credential, String type) throws AuthException {
        String token = CredentialText.require(credential);
        StrictJws.checkShape(token, signatureChars);
        String headerSegment = token.substring(0, token.indexOf('.'));
        String typ = ownHeaders.get(headerSegment);
        if (typ == null) {
            typ = StrictJws.checkHeader(headerSegment, algorithm);
        }
        verifyWithLibrary(token);
        VerifiedClaims claims = StrictJws.readPayload(token);
        if (!type.equals(typ)) {
            throw new AuthException(Reason.WRONG_TYPE, "typ is " + typ + ", expected " + type);
        }
        return claims;
    }

    /**
     * The library's verdict. When it found the signature genuine but the issuer or audience another's, a payload that
     * is not strictly ours says so first; a library that fails on hostile input in a way it does not declare still
     * yields a rejection, never an exception of its own.
     */
    private void verifyWithLibrary(String token) throws AuthException {
        try {
            codec.verify(token);
        } catch (AuthException refused) {
            if (refused.reason() == Reason.WRONG_TYPE) {
                StrictJws.readPayload(token);
            }
            throw refused;
        } catch (RuntimeException undeclared) {
            throw new AuthException(Reason.MALFORMED, library.id() + " could not read the token: " + undeclared);
        }
    }

    /** The principal an access token carries; a genuine token without well-typed claims is malformed. */
    static Principal principalOf(VerifiedClaims claims) throws AuthException {
        Object roles = claims.get(ROLES);
        Object attributes = claims.get(ATTRIBUTES);
        String subject = claims.subject();
        if (subject == null || subject.isBlank() || !(roles instanceof List<?> roleList)
                || !(attributes instanceof Map<?, ?> attributeMap)) {
            throw new AuthException(Reason.MALFORMED, "token lacks sub, roles or attrs");
        }
        Set<String> roleSet = new LinkedHashSet<>();
        for (Object role : roleList) {
            if (!(role instanceof String r)) {
                throw new AuthException(Reason.MALFORMED, "a role is not a string");
            }
            roleSet.add(r);
        }
        for (Map.Entry<?, ?> attribute : attributeMap.entrySet()) {
            if (!(attribute.getValue() instanceof String)) {
                throw new AuthException(Reason.MALFORMED, "attribute " + attribute.getKey() + " is not a string");
            }
        }
        // JSON object keys are strings and every value was just checked: the map is a Map<String, String>, which the
        // principal copies.
        @SuppressWarnings("unchecked")
        Map<String, String> attributeValues = (Map<String, String>) attributeMap;
        try {
            return new Principal(subject, roleSet, attributeValues);
        } catch (IllegalArgumentException notText) {
            throw new AuthException(Reason.MALFORMED, "token claims are no principal: " + notText.getMessage());
        }
    }
}

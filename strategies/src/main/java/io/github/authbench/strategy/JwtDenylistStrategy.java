package io.github.authbench.strategy;

import io.github.authbench.store.StoreUnavailableException;
import io.github.authbench.store.StoredEntry;
import io.jsonwebtoken.Claims;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code jwt-denylist}: {@code stateless-jwt} tokens plus a denylist checked on every request, the usual answer to "JWTs
 * can't be revoked". Logout lists the token's (iss, jti) until the token would have expired anyway (never the token or
 * its hash, which malleable encodings could dodge: OWASP JWT cheat sheet); logout-everywhere records a per-subject
 * not-before instant that lives one access lifetime.
 *
 * <p>Each request costs a signature check and one store call that reads both entries at once.
 */
final class JwtDenylistStrategy implements AuthStrategy {

    private final StrategyConfig config;
    private final Clock clock;
    private final JwtTokens tokens;
    private final StoreLease lease;

    JwtDenylistStrategy(StrategyConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.tokens = new JwtTokens(config);
        this.lease = StoreLease.of(config);
    }

    @Override
    public String id() {
        return "jwt-denylist";
    }

    @Override
    public Credentials login(Principal principal) {
        Instant now = clock.instant();
        Instant expiresAt = JwtTokens.wholeSeconds(now.plus(config.accessTtl()));
        return Credentials.accessOnly(tokens.sign(tokens.newAccessToken(principal, now, expiresAt)), expiresAt);
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        Claims claims = tokens.verify(credential, JwtTokens.ACCESS_TYPE);
        Principal principal = JwtTokens.principalOf(claims);
        if (claims.getId() == null || claims.getIssuedAt() == null) {
            throw new AuthException(Reason.MALFORMED, "token has no jti or iat");
        }
        Instant now = clock.instant();
        List<StoredEntry> entries;
        try {
            entries = lease.store().getAll(List.of(deniedKey(claims), notBeforeKey(principal.subject())));
        } catch (StoreUnavailableException e) {
            throw new AuthException(Reason.UNAVAILABLE, e.getMessage());
        }
        StoredEntry denied = entries.get(0);
        if (denied != null && denied.isLiveAt(now)) {
            throw new AuthException(Reason.REVOKED, "token was logged out");
        }
        StoredEntry notBefore = entries.get(1);
        if (notBefore != null && notBefore.isLiveAt(now)
                && StoredValue.of(notBefore) instanceof StoredValue.NotBefore cutoff
                && !claims.getIssuedAt().toInstant().isAfter(cutoff.instant())) {
            throw new AuthException(Reason.REVOKED, "subject logged out everywhere after this token was issued");
        }
        return principal;
    }

    @Override
    public Credentials refresh(String credential) {
        throw new UnsupportedOperationException("jwt-denylist has no refresh credential");
    }

    /** Lists the token until it would have expired, clock skew included; forged or already dead tokens are ignored. */
    @Override
    public void logout(String credential) {
        Claims claims = tokens.verifyForLogout(credential, JwtTokens.ACCESS_TYPE);
        if (claims == null || claims.getId() == null) {
            return;
        }
        Instant until = claims.getExpiration().toInstant().plus(config.clockSkew());
        if (clock.instant().isBefore(until)) {
            lease.store().put(deniedKey(claims), StoredValue.REVOKED_BYTES, until);
        }
    }

    /**
     * Revokes every token of the subject issued up to now. iat has whole seconds, so a token issued later in the same
     * second is revoked too: the safe side of the ambiguity. The entry lives as long as the newest revoked token could.
     */
    @Override
    public void logoutEverywhere(String subject) {
        Instant now = clock.instant();
        lease.store().put(notBeforeKey(subject), StoredValue.encode(new StoredValue.NotBefore(now)),
                now.plus(config.accessTtl()).plus(config.clockSkew()));
    }

    @Override
    public void close() {
        lease.close();
    }

    /** Keyed by (iss, jti); the subject in braces keeps both keys of one request in one Redis Cluster slot. */
    private static String deniedKey(Claims claims) {
        return "deny:{" + claims.getSubject() + "}:" + claims.getIssuer() + ":" + claims.getId();
    }

    private static String notBeforeKey(String subject) {
        return "nbf:{" + subject + "}";
    }
}

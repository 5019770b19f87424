package io.github.authbench.strategy;

import io.github.authbench.store.StoreUnavailableException;
import io.github.authbench.store.StoredEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code jwt-denylist}: {@code stateless-jwt} tokens plus a denylist checked on every request, the usual answer to "JWTs
 * can't be revoked". Logout lists the token's (iss, jti) until the token would have expired anyway (never the token or
 * its hash, which malleable encodings could dodge: OWASP JWT cheat sheet).
 *
 * <p>Logout-everywhere starts a new <em>epoch</em> for the subject: a random id stored for as long as any token issued
 * before it could still be accepted. A login reads the subject's current epoch (one store call) and signs it into the
 * token ({@value #EPOCH_CLAIM}, absent while the subject has none); a token whose epoch is not the current one is revoked.
 * No clock is compared, so a node whose clock runs ahead, or a token whose {@code iat} lies in the future, cannot
 * outlive the call: every token whose login read the epoch before the call is dead on every node. A login that reads it
 * after the call returns works at once, in the same second or not. Comparing {@code iat} with the instant of the call
 * could not give both: with clocks up to {@code clockSkew} apart, either tokens from a node running ahead survive, or
 * every login for {@code clockSkew} after the call is refused.
 *
 * <p>Each request costs a signature check and one store call that reads both entries at once; each login one store
 * read.
 */
final class JwtDenylistStrategy implements AuthStrategy {

    /** The claim holding the subject's epoch at login. */
    static final String EPOCH_CLAIM = "sep";

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
        String epoch = currentEpoch(principal.subject());
        Instant now = clock.instant();
        Instant expiresAt = JwtTokens.wholeSeconds(now.plus(config.accessTtl()));
        TokenDraft token = tokens.newAccessToken(principal, now, expiresAt);
        if (epoch != null) {
            token.claim(EPOCH_CLAIM, epoch);
        }
        return Credentials.accessOnly(tokens.sign(token), expiresAt);
    }

    /**
     * The subject's live epoch, or null while it has none; a store that cannot say, or holds something else there
     * (live or not, as authenticate reads it), fails the login.
     */
    private String currentEpoch(String subject) {
        StoredEntry entry = lease.store().get(epochKey(subject));
        if (entry == null) {
            return null;
        }
        String epoch;
        try {
            epoch = epochOf(entry).id();
        } catch (AuthException e) {
            throw new StoreUnavailableException(e.getMessage(), null);
        }
        return entry.isLiveAt(clock.instant()) ? epoch : null;
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        VerifiedClaims claims = tokens.verify(credential, JwtTokens.ACCESS_TYPE);
        Principal principal = JwtTokens.principalOf(claims);
        if (claims.id() == null || claims.seconds("iat") == null) {
            throw new AuthException(Reason.MALFORMED, "token has no jti or iat");
        }
        Instant now = clock.instant();
        List<StoredEntry> entries;
        try {
            entries = lease.store().getAll(List.of(deniedKey(claims), epochKey(principal.subject())));
        } catch (StoreUnavailableException e) {
            throw new AuthException(Reason.UNAVAILABLE, e.getMessage());
        }
        StoredEntry denied = entries.get(0);
        if (denied != null) {
            if (!(StoredValue.of(denied) instanceof StoredValue.Revoked)) {
                throw new AuthException(Reason.UNAVAILABLE, "store holds something else under a denylist key");
            }
            if (denied.isLiveAt(now)) {
                throw new AuthException(Reason.REVOKED, "token was logged out");
            }
        }
        StoredEntry epoch = entries.get(1);
        if (epoch != null && !epochOf(epoch).id().equals(claims.get(EPOCH_CLAIM)) && epoch.isLiveAt(now)) {
            throw new AuthException(Reason.REVOKED, "subject logged out everywhere after this token was issued");
        }
        return principal;
    }

    private static StoredValue.Epoch epochOf(StoredEntry entry) throws AuthException {
        if (StoredValue.of(entry) instanceof StoredValue.Epoch epoch) {
            return epoch;
        }
        throw new AuthException(Reason.UNAVAILABLE, "store holds something else under a login epoch key");
    }

    @Override
    public Credentials refresh(String credential) {
        throw new UnsupportedOperationException("jwt-denylist has no refresh credential");
    }

    /** Lists the token until it would have expired, clock skew included; forged or already dead tokens are ignored. */
    @Override
    public void logout(String credential) {
        VerifiedClaims claims = tokens.verifyForLogout(credential, JwtTokens.ACCESS_TYPE);
        if (claims == null || claims.id() == null) {
            return;
        }
        Instant until = claims.expiresAt().plus(config.clockSkew());
        if (clock.instant().isBefore(until)) {
            lease.store().put(deniedKey(claims), StoredValue.REVOKED_BYTES, until);
        }
    }

    /**
     * Starts a new epoch: revokes every token of the subject whose login read the epoch before this call. The epoch
     * lives as long as a token issued just before it could be accepted anywhere: an access lifetime, plus the skew of
     * a node whose clock ran ahead when it signed and the skew the verifying node allows.
     */
    @Override
    public void logoutEverywhere(String subject) {
        Instant now = clock.instant();
        lease.store().put(epochKey(Principal.requireSubject(subject)),
                StoredValue.encode(new StoredValue.Epoch(OpaqueTokens.newShortId())),
                now.plus(config.accessTtl()).plus(config.clockSkew()).plus(config.clockSkew()));
    }

    @Override
    public void close() {
        lease.close();
    }

    /** Keyed by (iss, jti); the subject in braces keeps both keys of one request in one Redis Cluster slot. */
    private static String deniedKey(VerifiedClaims claims) {
        return deniedKey(claims.subject(), claims.issuer(), claims.id());
    }

    static String deniedKey(String subject, String issuer, String tokenId) {
        return "deny:{" + subject + "}:" + issuer + ":" + tokenId;
    }

    static String epochKey(String subject) {
        return "epoch:{" + subject + "}";
    }
}

package io.github.authbench.strategy;

import io.github.authbench.store.IndexedUnder;
import io.github.authbench.store.SessionStore;
import io.github.authbench.store.StoreUnavailableException;
import io.github.authbench.store.StoredEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code access-refresh}: a short-lived access JWT ({@code accessTtl}, stateless to verify) plus an opaque refresh token
 * ({@code refreshTtl}) kept server side only as a hash. One login is one refresh-token family, which lives at most
 * {@code absoluteTimeout}.
 *
 * <p>Refresh rotates: it returns a new access and refresh token and marks the old refresh token rotated. Presenting a
 * rotated token again is reuse: it fails with {@link Reason#REUSED} and revokes the family, so the newest refresh token
 * dies too (RFC 9700 section 4.14.2). Of concurrent refreshes of one token exactly one wins, through the store's atomic
 * swap; the losers count as reuse.
 *
 * <p>Logout revokes the family at once, but access tokens already issued stay valid until their exp: the logout window
 * of this strategy is the access lifetime.
 */
final class AccessRefreshStrategy implements AuthStrategy {

    private final StrategyConfig config;
    private final Clock clock;
    private final JwtTokens tokens;
    private final StoreLease lease;
    private final SessionStore store;

    AccessRefreshStrategy(StrategyConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.tokens = new JwtTokens(config);
        this.lease = StoreLease.of(config);
        this.store = lease.store();
    }

    @Override
    public String id() {
        return "access-refresh";
    }

    @Override
    public Credentials login(Principal principal) {
        Instant now = clock.instant();
        Instant familyExpiresAt = now.plus(config.absoluteTimeout());
        String familyId = RefreshToken.newFamilyId();
        // The tokens first: a principal too large for them is refused before anything is stored. No client holds them
        // until this returns, so storing the family second opens no window.
        Credentials credentials = issue(principal, familyId, now, familyExpiresAt);
        store.put(RefreshToken.familyKey(familyId), StoredValue.encode(new StoredValue.Family()), familyExpiresAt,
                new IndexedUnder(IndexedUnder.name(id(), principal.subject()), familyExpiresAt));
        return credentials;
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        if (RefreshToken.hasPrefix(CredentialText.require(credential))) {
            RefreshToken.parse(credential);
            throw new AuthException(Reason.WRONG_TYPE, "a refresh token is not an access token");
        }
        return JwtTokens.principalOf(tokens.verify(credential, JwtTokens.ACCESS_TYPE));
    }

    /** Takes the refresh token; three store calls: read token and family together, swap, store the successor. */
    @Override
    public Credentials refresh(String credential) throws AuthException {
        try {
            return rotate(credential);
        } catch (StoreUnavailableException e) {
            throw new AuthException(Reason.UNAVAILABLE, e.getMessage());
        }
    }

    private Credentials rotate(String credential) throws AuthException {
        if (CredentialText.hasJwsShape(CredentialText.require(credential))) {
            Reason reason = tokens.verifyForLogout(credential, JwtTokens.ACCESS_TYPE) != null
                    ? Reason.WRONG_TYPE : Reason.MALFORMED;
            throw new AuthException(reason, "an access token is not a refresh token");
        }
        RefreshToken token = RefreshToken.parse(credential);
        String familyKey = RefreshToken.familyKey(token.familyId());
        List<StoredEntry> found = store.getAll(List.of(token.storeKey(), familyKey));
        Instant now = clock.instant();
        StoredValue.Refresh refresh = exchangeable(found.get(0), familyKey, now);
        StoredEntry family = found.get(1);
        if (family == null) {
            throw new AuthException(Reason.UNKNOWN, "the login of this refresh token is no longer known");
        }
        StoredValue familyState = StoredValue.of(family);
        if (familyState instanceof StoredValue.Revoked) {
            // getAll need not be a snapshot (the embedded store reads key by key): if this token was exchanged
            // meanwhile, a racing refresh of it revoked the family, and the honest answer is reuse.
            StoredEntry current = store.get(token.storeKey());
            if (current != null && refreshState(current) instanceof StoredValue.Rotated) {
                throw new AuthException(Reason.REUSED, "refresh token was already used; its login is now revoked");
            }
            throw new AuthException(Reason.REVOKED, "the login was logged out or its refresh token reused");
        }
        if (!(familyState instanceof StoredValue.Family)) {
            throw new AuthException(Reason.UNAVAILABLE, "store holds something else under a refresh family key");
        }
        if (!family.isLiveAt(now)) {
            throw new AuthException(Reason.EXPIRED, "the login is older than the absolute timeout");
        }
        exchangeable(store.swap(token.storeKey(), StoredValue.ROTATED_BYTES), familyKey, now);
        return issue(refresh.principal(), token.familyId(), now, family.expiresAt());
    }

    /** The refresh state of a token that may be exchanged now; a rotated one is reuse and revokes its family. */
    private StoredValue.Refresh exchangeable(StoredEntry entry, String familyKey, Instant now) throws AuthException {
        if (entry == null) {
            throw new AuthException(Reason.UNKNOWN, "no such refresh token");
        }
        StoredValue value = refreshState(entry);
        if (value instanceof StoredValue.Rotated) {
            store.swap(familyKey, StoredValue.REVOKED_BYTES);
            throw new AuthException(Reason.REUSED, "refresh token was already used; its login is now revoked");
        }
        StoredValue.Refresh refresh = (StoredValue.Refresh) value;
        if (!entry.isLiveAt(now)) {
            throw new AuthException(Reason.EXPIRED, "refresh token expired at " + entry.expiresAt());
        }
        return refresh;
    }

    /** A refresh token's state: exchangeable or rotated; anything else in the store fails closed. */
    private static StoredValue refreshState(StoredEntry entry) throws AuthException {
        StoredValue value = StoredValue.of(entry);
        if (!(value instanceof StoredValue.Refresh || value instanceof StoredValue.Rotated)) {
            throw new AuthException(Reason.UNAVAILABLE, "store holds something else under a refresh key");
        }
        return value;
    }

    private Credentials issue(Principal principal, String familyId, Instant now, Instant familyExpiresAt) {
        Instant accessExpiresAt = JwtTokens.wholeSeconds(
                SessionLifetime.min(now.plus(config.accessTtl()), familyExpiresAt));
        String access = tokens.sign(tokens.newAccessToken(principal, now, accessExpiresAt)
                .claim(JwtTokens.SESSION_ID, familyId));
        RefreshToken refresh = RefreshToken.issue(familyId);
        Instant refreshExpiresAt = SessionLifetime.min(now.plus(config.refreshTtl()), familyExpiresAt);
        store.put(refresh.storeKey(), StoredValue.encode(new StoredValue.Refresh(principal)), refreshExpiresAt);
        return new Credentials(access, refresh.text(), accessExpiresAt, refreshExpiresAt);
    }

    /** Accepts the access token (its sid names the family) or the refresh token; revokes the family either way. */
    @Override
    public void logout(String credential) {
        if (credential == null) {
            return;
        }
        if (RefreshToken.hasPrefix(credential)) {
            try {
                RefreshToken token = RefreshToken.parse(credential);
                if (store.get(token.storeKey()) != null) {
                    store.swap(RefreshToken.familyKey(token.familyId()), StoredValue.REVOKED_BYTES);
                }
            } catch (AuthException notARefreshToken) {
                // logout is silent on bad input
            }
            return;
        }
        VerifiedClaims claims = tokens.verifyForLogout(credential, JwtTokens.ACCESS_TYPE);
        if (claims != null && claims.get(JwtTokens.SESSION_ID) instanceof String familyId) {
            store.swap(RefreshToken.familyKey(familyId), StoredValue.REVOKED_BYTES);
        }
    }

    /** Revokes every family of the subject; access tokens already issued still work until their exp. */
    @Override
    public void logoutEverywhere(String subject) {
        store.revokeSubject(IndexedUnder.name(id(), Principal.requireSubject(subject)),
                StoredValue.REVOKED_BYTES);
    }

    @Override
    public void close() {
        lease.close();
    }
}

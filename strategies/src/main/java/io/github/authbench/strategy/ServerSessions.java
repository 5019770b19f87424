package io.github.authbench.strategy;

import io.github.authbench.store.IndexedUnder;
import io.github.authbench.store.SessionStore;
import io.github.authbench.store.StoreUnavailableException;
import io.github.authbench.store.StoredEntry;
import java.time.Clock;
import java.time.Instant;

/**
 * Server-side sessions keyed by an opaque 256-bit id, the state behind {@code session}, {@code sliding-session} and
 * {@code stateful-jwt}. Every session is indexed under its subject so logout-everywhere finds them all.
 *
 * <p>Keys and the subject index are namespaced by the kind of credential (the strategy id): strategies sharing one store
 * never resolve each other's ids, so a {@code stateful-jwt}'s {@code sid}, readable from its payload, is not a
 * {@code session} id, and a {@code session} id cannot be extended by {@code sliding-session}.
 *
 * <p>A lookup is one store call: a plain get, or for renewing sessions a get-and-extend, which moves the idle expiry in
 * the same round trip. Logout swaps a tombstone in (keeping the expiry), so the id is reported REVOKED rather than
 * UNKNOWN for as long as it would otherwise have worked.
 */
final class ServerSessions {

    private final String keyPrefix;
    private final String kind;
    private final SessionStore store;
    private final Clock clock;
    private final SessionLifetime lifetime;

    /** @param kind the credential kind these sessions belong to (the strategy id): the namespace of their keys */
    ServerSessions(String kind, SessionStore store, Clock clock, SessionLifetime lifetime) {
        this.kind = kind;
        this.keyPrefix = kind + ":";
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new session and its first expiry. */
    record Started(String id, Instant expiresAt) {}

    Started start(Principal principal) {
        Instant now = clock.instant();
        String id = OpaqueTokens.newId();
        Instant expiresAt = lifetime.firstExpiry(now);
        store.put(keyPrefix + id, StoredValue.encode(new StoredValue.Session(now, principal)), expiresAt,
                new IndexedUnder(IndexedUnder.name(kind, principal.subject()), lifetime.cap(now)));
        return new Started(id, expiresAt);
    }

    /** The principal of a live session; renews it when the lifetime slides. */
    Principal resume(String id) throws AuthException {
        if (!OpaqueTokens.isCanonical(id, OpaqueTokens.ID_BYTES)) {
            throw new AuthException(Reason.MALFORMED, "not a session id");
        }
        Instant now = clock.instant();
        String key = keyPrefix + id;
        StoredEntry entry;
        try {
            entry = lifetime.renews() ? store.getAndExtend(key, now.plus(lifetime.idle())) : store.get(key);
        } catch (StoreUnavailableException e) {
            throw new AuthException(Reason.UNAVAILABLE, e.getMessage());
        }
        if (entry == null) {
            throw new AuthException(Reason.UNKNOWN, "no such session");
        }
        StoredValue value = StoredValue.of(entry);
        if (value instanceof StoredValue.Revoked) {
            throw new AuthException(Reason.REVOKED, "session was logged out");
        }
        if (!(value instanceof StoredValue.Session session)) {
            throw new AuthException(Reason.UNAVAILABLE, "store holds something else under a session key");
        }
        if (!entry.isLiveAt(now)) {
            throw new AuthException(Reason.EXPIRED, "session expired at " + entry.expiresAt());
        }
        if (!now.isBefore(lifetime.cap(session.loginAt()))) {
            throw new AuthException(Reason.EXPIRED, "login is older than the absolute timeout");
        }
        return session.principal();
    }

    /** Ends one session; ignores anything that is not a session id. */
    void end(String id) {
        if (id != null && OpaqueTokens.isCanonical(id, OpaqueTokens.ID_BYTES)) {
            store.swap(keyPrefix + id, StoredValue.REVOKED_BYTES);
        }
    }

    /** Ends every session of the subject, however long each has been renewed. */
    void endAll(String subject) {
        store.revokeSubject(IndexedUnder.name(kind, Principal.requireSubject(subject)), StoredValue.REVOKED_BYTES);
    }
}

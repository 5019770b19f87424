package io.github.authbench.store;

import java.time.Instant;
import java.util.List;

/**
 * Where strategies with server state keep it: sessions, refresh-token families, denylist entries. Keys and values are
 * opaque to the store; values are compact byte strings the strategies encode.
 *
 * <p>Each method is one atomic operation and, for a networked store, one round trip: the suite counts store calls as round
 * trips, and the atomic ones ({@link #swap}, {@link #getAndExtend}) are what makes refresh-token rotation race-free and
 * sliding renewal a single call.
 *
 * <p>Time comes from the store's clock (the strategies' clock), so a test moving time moves expiry too. An entry is
 * <em>live</em> until its {@code expiresAt}; the store keeps it for a retention period after that and then forgets it.
 */
public interface SessionStore extends AutoCloseable {

    /** Stores {@code value} under {@code key}, live until {@code expiresAt}, replacing whatever was there. */
    default void put(String key, byte[] value, Instant expiresAt) {
        put(key, value, expiresAt, null);
    }

    /**
     * Stores {@code value} under {@code key}, live until {@code expiresAt}, and when {@code index} is not null records the
     * key in that subject's index for {@link #revokeSubject} until {@link IndexedUnder#until()} (at least
     * {@code expiresAt}), however often {@link #getAndExtend} renews it meanwhile.
     */
    void put(String key, byte[] value, Instant expiresAt, IndexedUnder index);

    /** The entry under {@code key}, live or expired but still retained; {@code null} when the store has none. */
    StoredEntry get(String key);

    /**
     * The entries under several keys at once, in the order of {@code keys}, {@code null} where there is none. The keys
     * must share a Redis Cluster hash tag (the same {@code {...}} part), so that a clustered store can read them in one
     * round trip from one node; strategies build their keys that way. The entries need not be one snapshot: the
     * embedded store reads them one by one.
     */
    List<StoredEntry> getAll(List<String> keys);

    /**
     * Returns the entry under {@code key} as it was, and when it was live moves its expiry to {@code newExpiresAt}
     * (sliding renewal). An expired entry stays expired.
     */
    StoredEntry getAndExtend(String key, Instant newExpiresAt);

    /**
     * Returns the entry under {@code key} as it was, and when it was live atomically replaces its value with
     * {@code value}, keeping its expiry. Of concurrent swaps on one live entry exactly one sees the old value.
     */
    StoredEntry swap(String key, byte[] value);

    /** Swaps {@code tombstone} into every live entry indexed under {@code subject} and clears the index. */
    void revokeSubject(String subject, byte[] tombstone);

    @Override
    void close();
}

package io.github.authbench.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls made to a store: each is one round trip on a networked store (see {@link SessionStore}), so this is
 * how the suite measures store round trips per login, per request and per logout.
 */
public final class CountingSessionStore implements SessionStore {

    private final SessionStore counted;
    private final LongAdder calls = new LongAdder();

    public CountingSessionStore(SessionStore counted) {
        this.counted = Objects.requireNonNull(counted, "counted");
    }

    /** Calls made since creation or the last {@link #reset()}. */
    public long calls() {
        return calls.sum();
    }

    public void reset() {
        calls.reset();
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt, IndexedUnder index) {
        calls.increment();
        counted.put(key, value, expiresAt, index);
    }

    @Override
    public StoredEntry get(String key) {
        calls.increment();
        return counted.get(key);
    }

    @Override
    public List<StoredEntry> getAll(List<String> keys) {
        calls.increment();
        return counted.getAll(keys);
    }

    @Override
    public StoredEntry getAndExtend(String key, Instant newExpiresAt) {
        calls.increment();
        return counted.getAndExtend(key, newExpiresAt);
    }

    @Override
    public StoredEntry swap(String key, byte[] value) {
        calls.increment();
        return counted.swap(key, value);
    }

    @Override
    public void revokeSubject(String subject, byte[] tombstone) {
        calls.increment();
        counted.revokeSubject(subject, tombstone);
    }

    @Override
    public void close() {
        counted.close();
    }
}

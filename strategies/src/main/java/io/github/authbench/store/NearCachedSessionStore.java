package io.github.authbench.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's near cache in front of a shared store: reads (absence included, which is what a denylist mostly reads) are
 * served from this node's memory for at most {@code bound}; every write goes to the shared store and is announced on
 * {@link RedisInvalidations} so the other nodes drop their copies.
 *
 * <p>The trade-off it exists to measure: fewer round trips per request, against a revocation that may take up to
 * {@code bound} to reach another node. It never serves an entry longer than {@code bound} after loading it, whatever
 * happens to announcements (a lost message, a read racing a write); while the subscription is down it is bypassed
 * altogether. Sliding renewal ({@link #getAndExtend}) always goes to the shared store.
 */
public final class NearCachedSessionStore implements SessionStore {

    private final SessionStore shared;
    private final RedisInvalidations invalidations;
    private final Cache<String, Optional<StoredEntry>> near;
    private final Duration bound;

    public NearCachedSessionStore(SessionStore shared, RedisInvalidations invalidations, Clock clock, Duration bound,
            long maximumSize) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.invalidations = Objects.requireNonNull(invalidations, "invalidations");
        this.bound = Objects.requireNonNull(bound, "bound");
        this.near = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(bound)
                .ticker(ClockTicker.of(clock))
                .build();
        invalidations.onInvalidation(this::drop);
    }

    /** How long a revocation may take to reach this node at worst. */
    public Duration bound() {
        return bound;
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt, IndexedUnder index) {
        shared.put(key, value, expiresAt, index);
        changed(key);
    }

    @Override
    public StoredEntry get(String key) {
        if (!invalidations.isListening()) {
            return shared.get(key);
        }
        return near.get(key, k -> Optional.ofNullable(shared.get(k))).orElse(null);
    }

    @Override
    public List<StoredEntry> getAll(List<String> keys) {
        if (!invalidations.isListening()) {
            return shared.getAll(keys);
        }
        List<StoredEntry> found = new ArrayList<>(keys.size());
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Optional<StoredEntry> cached = near.getIfPresent(key);
            found.add(cached == null ? null : cached.orElse(null));
            if (cached == null) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            List<StoredEntry> loaded = shared.getAll(missing);
            for (int i = 0, m = 0; i < keys.size(); i++) {
                if (missing.contains(keys.get(i))) {
                    StoredEntry entry = loaded.get(m++);
                    near.put(keys.get(i), Optional.ofNullable(entry));
                    found.set(i, entry);
                }
            }
        }
        return found;
    }

    @Override
    public StoredEntry getAndExtend(String key, Instant newExpiresAt) {
        near.invalidate(key);
        return shared.getAndExtend(key, newExpiresAt);
    }

    @Override
    public StoredEntry swap(String key, byte[] value) {
        StoredEntry previous = shared.swap(key, value);
        changed(key);
        return previous;
    }

    @Override
    public void revokeSubject(String subject, byte[] tombstone) {
        shared.revokeSubject(subject, tombstone);
        near.invalidateAll();
        invalidations.announce(RedisInvalidations.EVERYTHING);
    }

    @Override
    public void close() {
        near.invalidateAll();
    }

    private void changed(String key) {
        near.invalidate(key);
        invalidations.announce(key);
    }

    private void drop(String key) {
        if (RedisInvalidations.EVERYTHING.equals(key)) {
            near.invalidateAll();
        } else {
            near.invalidate(key);
        }
    }
}

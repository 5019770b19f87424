package io.github.authbench.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The keys one subject's logins are stored under in the embedded store, kept as long as the longest-lived of them can
 * be renewed (each key's {@link IndexedUnder#until()}).
 *
 * <p>Adding a key costs amortized O(1): keys the store has already forgotten are dropped only when the set has doubled
 * since the last sweep. An index copied or swept on every login made a user with n live sessions pay O(n) per login,
 * so anyone with valid credentials could make their own logins quadratic. Instances are changed only inside the
 * store's atomic per-subject compute, and read by {@code revokeSubject} only after it removed the index. Most users
 * hold one login, so a set is made only for a second key: a one-element hash set costs about 150 bytes more per login
 * in the server-memory measurement.
 */
final class SubjectIndex {

    /** Below this many keys an index is never swept: a user's handful of devices. */
    static final int SWEEP_FLOOR = 16;

    /** The only key while there is one; then null. */
    private String single;
    /** Null while there is one key. */
    private Set<String> keys;
    /** Read by the cache's expiry policy, which may run on another thread than the last add. */
    private volatile Instant until;
    private int sweepAt = SWEEP_FLOOR;

    SubjectIndex(String key, Instant until) {
        single = key;
        this.until = until;
    }

    /** Adds {@code key}, renewable until {@code until}; sweeps out keys for which {@code stillStored} is false when due. */
    SubjectIndex add(String key, Instant until, Predicate<String> stillStored) {
        if (keys == null) {
            keys = new HashSet<>();
            keys.add(single);
            single = null;
        }
        keys.add(key);
        if (keys.size() >= sweepAt) {
            keys.removeIf(stillStored.negate());
            sweepAt = Math.max(SWEEP_FLOOR, 2 * keys.size());
        }
        if (until.isAfter(this.until)) {
            this.until = until;
        }
        return this;
    }

    Set<String> keys() {
        return keys == null ? Set.of(single) : keys;
    }

    Instant until() {
        return until;
    }
}

package io.github.authbench.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The embedded store: one node's memory, no server. Entries expire per entry through Caffeine's {@link Expiry}, driven by
 * a {@link Ticker} read from the configured clock, and the cache is bounded so a flood of logins cannot exhaust the heap
 * (an evicted session is a logged-out user: size the bound for the expected live logins).
 *
 * <p>Each operation is a single map operation; the atomic ones use {@code asMap().computeIfPresent}, which Caffeine runs
 * atomically per key. Reads are quiet ({@code policy().getIfPresentQuietly}): they still miss an entry past its expiry,
 * but do not record the access. Recording one feeds only what an entry's read could change, and here a read changes
 * nothing: the expiry is set by writes alone, and the size bound is a safety limit, not a working-set policy; recording
 * and draining the reads (read buffer, access-order deques, timer wheel) was a measurable share of a session check
 * ({@code docs/measurements.md}). The price is paid only past the bound: it then evicts by write history alone.
 *
 * <p>Cache maintenance runs on the calling thread ({@code executor(Runnable::run)}), amortized over
 * calls, instead of waking a ForkJoinPool thread that competes with request threads for the same cores.
 */
public final class CaffeineSessionStore implements SessionStore {

    /** Enough for a few million live logins on a default heap; a bound, not a preallocation. */
    public static final long DEFAULT_MAXIMUM_SIZE = 4_000_000;

    /** How long an entry is kept after its logical end, so late credentials get EXPIRED or REVOKED, not UNKNOWN. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration retention;
    private final Cache<String, StoredEntry> entries;
    private final Cache<String, SubjectIndex> subjects;

    public CaffeineSessionStore(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE, DEFAULT_RETENTION);
    }

    public CaffeineSessionStore(Clock clock, long maximumSize, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
        Ticker ticker = ClockTicker.of(clock);
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new RetainUntil<StoredEntry>(StoredEntry::expiresAt))
                .build();
        this.subjects = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new RetainUntil<SubjectIndex>(SubjectIndex::until))
                .build();
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt, IndexedUnder index) {
        entries.put(key, new StoredEntry(value, expiresAt));
        if (index != null) {
            Instant until = index.untilAtLeast(expiresAt);
            subjects.asMap().merge(index.subject(), new SubjectIndex(key, until),
                    (known, added) -> known.add(key, until, entries.asMap()::containsKey));
        }
    }

    @Override
    public StoredEntry get(String key) {
        return entries.policy().getIfPresentQuietly(key);
    }

    @Override
    public List<StoredEntry> getAll(List<String> keys) {
        List<StoredEntry> found = new ArrayList<>(keys.size());
        for (String key : keys) {
            found.add(get(key));
        }
        return found;
    }

    @Override
    public StoredEntry getAndExtend(String key, Instant newExpiresAt) {
        StoredEntry[] previous = new StoredEntry[1];
        Instant now = clock.instant();
        entries.asMap().computeIfPresent(key, (k, entry) -> {
            previous[0] = entry;
            return entry.isLiveAt(now) ? entry.withExpiry(newExpiresAt) : entry;
        });
        return previous[0];
    }

    @Override
    public StoredEntry swap(String key, byte[] value) {
        StoredEntry[] previous = new StoredEntry[1];
        Instant now = clock.instant();
        entries.asMap().computeIfPresent(key, (k, entry) -> {
            previous[0] = entry;
            return entry.isLiveAt(now) ? new StoredEntry(value, entry.expiresAt()) : entry;
        });
        return previous[0];
    }

    @Override
    public void revokeSubject(String subject, byte[] tombstone) {
        SubjectIndex index = subjects.asMap().remove(subject);
        if (index != null) {
            for (String key : index.keys()) {
                swap(key, tombstone);
            }
        }
    }

    @Override
    public void close() {
        entries.invalidateAll();
        subjects.invalidateAll();
    }

    /** Caffeine expiry: keep each value until its logical end plus the retention period, measured on the ticker. */
    private final class RetainUntil<V> implements Expiry<String, V> {
        private final Function<V, Instant> end;

        RetainUntil(Function<V, Instant> end) {
            this.end = end;
        }

        @Override
        public long expireAfterCreate(String key, V value, long currentTime) {
            return remaining(value, currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, V value, long currentTime, long currentDuration) {
            return remaining(value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long remaining(V value, long currentTime) {
            long until = ClockTicker.nanos(end.apply(value).plus(retention));
            return Math.max(0, until - currentTime);
        }
    }
}

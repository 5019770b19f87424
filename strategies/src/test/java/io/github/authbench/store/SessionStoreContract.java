package io.github.authbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} guarantees, run against each implementation: expiry on the store's clock, retention
 * after expiry, atomic swap and extend, and the subject index.
 */
abstract class SessionStoreContract {

    /** The retention the store under test is created with. */
    static final Duration RETENTION = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock();
    protected SessionStore store;

    /** A fresh, empty store on {@code clock} with {@link #RETENTION}. */
    protected abstract SessionStore createStore(MutableClock clock);

    @BeforeEach
    void open() {
        store = createStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void getReturnsWhatWasPutWithItsExpiry() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        store.put("k", bytes("v"), expiresAt);

        StoredEntry entry = store.get("k");

        assertThat(entry.value()).isEqualTo(bytes("v"));
        assertThat(entry.expiresAt()).isEqualTo(expiresAt);
        assertThat(entry.isLiveAt(clock.instant())).isTrue();
        assertThat(store.get("missing")).isNull();
    }

    @Test
    void putReplacesTheValueAndExpiry() {
        store.put("k", bytes("old"), clock.instant().plusSeconds(60));
        Instant later = clock.instant().plusSeconds(600);

        store.put("k", bytes("new"), later);

        assertThat(store.get("k").value()).isEqualTo(bytes("new"));
        assertThat(store.get("k").expiresAt()).isEqualTo(later);
    }

    @Test
    void anExpiredEntryIsRetainedThenForgotten() {
        store.put("k", bytes("v"), clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        assertThat(store.get("k")).isNotNull().satisfies(e -> assertThat(e.isLiveAt(clock.instant())).isFalse());

        clock.advance(RETENTION);
        assertThat(store.get("k")).isNull();
    }

    @Test
    void getAllKeepsTheOrderOfKeysWithNullsForMissingOnes() {
        store.put("{tag}a", bytes("1"), clock.instant().plusSeconds(60));
        store.put("{tag}c", bytes("3"), clock.instant().plusSeconds(60));

        List<StoredEntry> entries = store.getAll(List.of("{tag}c", "{tag}b", "{tag}a"));

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).value()).isEqualTo(bytes("3"));
        assertThat(entries.get(1)).isNull();
        assertThat(entries.get(2).value()).isEqualTo(bytes("1"));
    }

    @Test
    void getAndExtendMovesTheExpiryOfALiveEntryOnly() {
        Instant first = clock.instant().plusSeconds(60);
        store.put("live", bytes("v"), first);
        store.put("dead", bytes("v"), clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(30));
        Instant later = clock.instant().plusSeconds(60);

        assertThat(store.getAndExtend("live", later).expiresAt()).as("returns the entry as it was").isEqualTo(first);
        assertThat(store.get("live").expiresAt()).isEqualTo(later);
        assertThat(store.getAndExtend("dead", later).isLiveAt(clock.instant())).isFalse();
        assertThat(store.get("dead").isLiveAt(clock.instant())).as("an expired entry stays expired").isFalse();
        assertThat(store.getAndExtend("missing", later)).isNull();
        assertThat(store.get("missing")).as("extend creates nothing").isNull();
    }

    @Test
    void swapReplacesTheValueOfALiveEntryKeepingItsExpiry() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        store.put("k", bytes("old"), expiresAt);

        StoredEntry previous = store.swap("k", bytes("new"));

        assertThat(previous.value()).isEqualTo(bytes("old"));
        assertThat(store.get("k").value()).isEqualTo(bytes("new"));
        assertThat(store.get("k").expiresAt()).isEqualTo(expiresAt);
        assertThat(store.swap("missing", bytes("x"))).isNull();
        assertThat(store.get("missing")).as("swap creates nothing").isNull();
    }

    @Test
    void swapLeavesAnExpiredEntryAlone() {
        store.put("k", bytes("old"), clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));

        assertThat(store.swap("k", bytes("new")).value()).isEqualTo(bytes("old"));
        assertThat(store.get("k").value()).isEqualTo(bytes("old"));
    }

    @Test
    void ofConcurrentSwapsExactlyOneSeesTheOriginal() throws Exception {
        store.put("k", bytes("original"), clock.instant().plusSeconds(60));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> seen = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                byte[] mine = bytes("swap-" + i);
                seen.add(pool.submit(() -> {
                    start.await();
                    return store.swap("k", mine).value();
                }));
            }
            start.countDown();
            int originals = 0;
            for (Future<byte[]> value : seen) {
                originals += Arrays.equals(value.get(), bytes("original")) ? 1 : 0;
            }
            assertThat(originals).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokeSubjectSwapsTheTombstoneIntoEveryLiveEntryOfThatSubjectOnly() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        store.put("alice-1", bytes("a1"), expiresAt, new IndexedUnder("alice", expiresAt));
        store.put("alice-2", bytes("a2"), expiresAt, new IndexedUnder("alice", expiresAt));
        store.put("bob-1", bytes("b1"), expiresAt, new IndexedUnder("bob", expiresAt));
        store.put("unindexed", bytes("u"), expiresAt);

        store.revokeSubject("alice", bytes("revoked"));

        assertThat(store.get("alice-1").value()).isEqualTo(bytes("revoked"));
        assertThat(store.get("alice-2").value()).isEqualTo(bytes("revoked"));
        assertThat(store.get("alice-2").expiresAt()).isEqualTo(expiresAt);
        assertThat(store.get("bob-1").value()).isEqualTo(bytes("b1"));
        assertThat(store.get("unindexed").value()).isEqualTo(bytes("u"));
    }

    @Test
    void revokeSubjectClearsTheIndexSoLaterLoginsAreUntouched() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        store.put("alice-1", bytes("a1"), expiresAt, new IndexedUnder("alice", expiresAt));
        store.revokeSubject("alice", bytes("revoked"));
        store.put("alice-2", bytes("a2"), expiresAt, new IndexedUnder("alice", expiresAt));

        store.revokeSubject("nobody", bytes("revoked"));

        assertThat(store.get("alice-2").value()).isEqualTo(bytes("a2"));
        store.revokeSubject("alice", bytes("revoked"));
        assertThat(store.get("alice-2").value()).isEqualTo(bytes("revoked"));
    }

    @Test
    void theIndexOutlivesShortEntriesWhileALongerOneIsLive() {
        Instant shortEnd = clock.instant().plusSeconds(10);
        Instant longEnd = clock.instant().plus(Duration.ofHours(1));
        store.put("short", bytes("s"), shortEnd, new IndexedUnder("alice", shortEnd));
        store.put("long", bytes("l"), longEnd, new IndexedUnder("alice", longEnd));
        clock.advance(Duration.ofMinutes(30));

        store.revokeSubject("alice", bytes("revoked"));

        assertThat(store.get("long").value()).isEqualTo(bytes("revoked"));
    }

    /** A sliding login renewed long past its first expiry must still be found by revokeSubject, until its cap. */
    @Test
    void anEntryRenewedPastItsFirstExpiryStaysIndexedUntilItsCap() {
        Instant cap = clock.instant().plus(Duration.ofHours(2));
        store.put("renewed", bytes("r"), clock.instant().plusSeconds(60), new IndexedUnder("alice", cap));
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofSeconds(50));
            store.getAndExtend("renewed", clock.instant().plusSeconds(60));
        }
        store.put("later", bytes("l"), clock.instant().plusSeconds(60), new IndexedUnder("alice", cap));

        store.revokeSubject("alice", bytes("revoked"));

        assertThat(store.get("renewed").value()).isEqualTo(bytes("revoked"));
        assertThat(store.get("later").value()).isEqualTo(bytes("revoked"));
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.github.authbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.testkit.MutableClock;
import io.github.authbench.testing.SharedRedis;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The store contract on a real Redis, plus what only Redis has: its encoding on the wire and its memory accounting. */
class RedisSessionStoreTest extends SessionStoreContract {

    private UnifiedJedis client;
    private String namespace;

    @Override
    protected SessionStore createStore(MutableClock clock) {
        client = SharedRedis.endpoint().connect(java.time.Duration.ofSeconds(2));
        namespace = SharedRedis.freshNamespace();
        return new RedisSessionStore(client, clock, RETENTION, namespace);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void valuesAreTheExpiryDigitsThenTheStrategyBytes() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        store.put("k", bytes("payload"), expiresAt);

        String raw = new String(client.get((namespace + "k").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(raw).isEqualTo(String.format("%013d", expiresAt.toEpochMilli()) + "payload");
        assertThat(client.pttl(namespace + "k")).as("Redis frees it after expiry plus retention")
                .isBetween(RETENTION.plusSeconds(50).toMillis(), RETENTION.plusSeconds(60).toMillis());
    }

    @Test
    void swapAndExtendKeepAFiniteRedisTtl() {
        store.put("swapped", bytes("v"), clock.instant().plusSeconds(60));
        store.put("extended", bytes("v"), clock.instant().plusSeconds(60));

        store.swap("swapped", bytes("tombstone"));
        store.getAndExtend("extended", clock.instant().plusSeconds(600));

        assertThat(client.pttl(namespace + "swapped")).as("a tombstone is freed like the entry it replaced")
                .isBetween(RETENTION.plusSeconds(50).toMillis(), RETENTION.plusSeconds(60).toMillis());
        assertThat(client.pttl(namespace + "extended"))
                .isBetween(RETENTION.plusSeconds(590).toMillis(), RETENTION.plusSeconds(600).toMillis());
    }

    @Test
    void theSubjectIndexExpiresWithItsLongestEntry() {
        Instant shortEnd = clock.instant().plusSeconds(60);
        Instant longEnd = clock.instant().plusSeconds(600);
        store.put("short", bytes("v"), shortEnd, new IndexedUnder("alice", shortEnd));
        store.put("long", bytes("v"), longEnd, new IndexedUnder("alice", longEnd));

        assertThat(client.pttl(namespace + "subject:{alice}"))
                .isBetween(RETENTION.plusSeconds(590).toMillis(), RETENTION.plusSeconds(600).toMillis());
    }
}

package io.github.authbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.testkit.MutableClock;
import io.github.authbench.testing.SharedRedis;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The store contract through a near cache on a real Redis, and the cache's own promise: reads it saves, and its bound. */
class NearCachedSessionStoreTest extends SessionStoreContract {

    static final Duration BOUND = Duration.ofSeconds(5);

    private UnifiedJedis client;
    private RedisInvalidations invalidations;
    private CountingSessionStore shared;

    @Override
    protected SessionStore createStore(MutableClock clock) {
        client = SharedRedis.endpoint().connect(Duration.ofSeconds(2));
        String namespace = SharedRedis.freshNamespace();
        shared = new CountingSessionStore(new RedisSessionStore(client, clock, RETENTION, namespace));
        invalidations = new RedisInvalidations(SharedRedis.endpoint(), namespace + "invalidations", Duration.ofSeconds(2));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(invalidations::isListening);
        return new NearCachedSessionStore(shared, invalidations, clock, BOUND, 10_000);
    }

    @AfterEach
    void closeClient() {
        invalidations.close();
        client.close();
    }

    @Test
    void repeatedReadsOfAKeyOrOfItsAbsenceCostOneRoundTripPerBound() {
        store.put("k", bytes("v"), clock.instant().plusSeconds(600));
        shared.reset();

        for (int i = 0; i < 10; i++) {
            store.get("k");
            store.getAll(java.util.List.of("k", "absent"));
        }
        assertThat(shared.calls()).as("one get, then one getAll for the key not cached yet").isEqualTo(2);

        clock.advance(BOUND);
        store.get("k");
        assertThat(shared.calls()).as("the bound has passed: read again").isEqualTo(3);
    }

    @Test
    void withoutASubscriptionEveryReadGoesToRedis() {
        store.put("k", bytes("v"), clock.instant().plusSeconds(600));
        invalidations.close();
        shared.reset();

        store.get("k");
        store.get("k");

        assertThat(invalidations.isListening()).isFalse();
        assertThat(shared.calls()).isEqualTo(2);
    }
}

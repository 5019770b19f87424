package io.github.authbench.store;

import io.github.authbench.testing.LocalRedisCluster;
import io.github.authbench.testkit.MutableClock;
import io.github.authbench.testing.SharedRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.UnifiedJedis;

/** The store contract on a real three-node Redis Cluster: the same code path, keys spread over slots and nodes. */
class RedisClusterSessionStoreTest extends SessionStoreContract {

    private static LocalRedisCluster cluster;
    private UnifiedJedis client;

    @BeforeAll
    static void startCluster() {
        cluster = new LocalRedisCluster(3);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected SessionStore createStore(MutableClock clock) {
        client = cluster.endpoint().connect(Duration.ofSeconds(2));
        return new RedisSessionStore(client, clock, RETENTION, SharedRedis.freshNamespace());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}

package io.github.authbench.strategy;

import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.store.CaffeineSessionStore;
import io.github.authbench.store.RedisSessionStore;
import io.github.authbench.store.SessionStore;
import io.github.authbench.testkit.MutableClock;
import io.github.authbench.testing.SharedRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Each node gets its own client and store on one Redis, under a namespace of this cluster's own. */
final class RedisNodeStores implements NodeStores {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RedisEndpoint endpoint;
    private final Duration timeout;
    private final String namespace = SharedRedis.freshNamespace();
    private final List<UnifiedJedis> clients = new ArrayList<>();

    RedisNodeStores() {
        this(SharedRedis.endpoint(), TIMEOUT);
    }

    RedisNodeStores(RedisEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public SessionStore storeFor(MutableClock clock) {
        UnifiedJedis client = endpoint.connect(timeout);
        clients.add(client);
        return new RedisSessionStore(client, clock, CaffeineSessionStore.DEFAULT_RETENTION, namespace);
    }

    @Override
    public void close() {
        clients.forEach(UnifiedJedis::close);
    }
}

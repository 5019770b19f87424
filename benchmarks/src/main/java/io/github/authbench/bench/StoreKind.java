package io.github.authbench.bench;

import io.github.authbench.testkit.LocatedRedis;
import io.github.authbench.testkit.RedisLocator;
import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.store.CaffeineSessionStore;
import io.github.authbench.store.RedisSessionStore;
import io.github.authbench.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openjdk.jol.info.GraphLayout;
import redis.clients.jedis.UnifiedJedis;

/** Where store-backed strategies keep their state in a benchmark: this JVM's memory, or a real Redis. */
public enum StoreKind {
    CAFFEINE,
    REDIS;

    /** Redis client timeout: generous, so a slow machine measures slowness rather than failures. */
    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    /** The data every node of one deployment shares, with a store view per node. */
    public interface Shared extends AutoCloseable {
        /** The store one more node uses. */
        SessionStore forNode();

        /**
         * Bytes the store holds: for Caffeine the retained size of the store's object graph (JOL), for Redis the
         * server's {@code used_memory}. Differences over many logins give the server bytes per login.
         */
        long memoryBytes();

        @Override
        void close();
    }

    /**
     * Threads that fill this store with a population (setup, not measurement). Redis: the size of a Jedis client's
     * connection pool, so the fill keeps it busy while each thread waits on round trips. In-process: one core fewer than
     * the machine has, because a fill runs while the JIT compiles the issuing path it makes hot, and more threads starve
     * the compiler threads, which makes the fill and the fork slower, not faster (docs/measurements.md).
     */
    int fillThreads() {
        return this == REDIS ? 8 : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public Shared open(Clock clock) {
        return this == CAFFEINE ? caffeine(clock) : redis(clock);
    }

    private static Shared caffeine(Clock clock) {
        CaffeineSessionStore store = new CaffeineSessionStore(clock);
        return new Shared() {
            @Override
            public SessionStore forNode() {
                return store;
            }

            @Override
            public long memoryBytes() {
                // Caffeine holds lambdas (hidden classes); JOL reads their fields only through its "magic" offset lookup.
                System.setProperty("jol.magicFieldOffset", "true");
                return GraphLayout.parseInstance(store).totalSize();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    private static Shared redis(Clock clock) {
        String namespace = "authbench:" + UUID.randomUUID() + ":";
        List<UnifiedJedis> clients = new ArrayList<>();
        return new Shared() {
            @Override
            public SessionStore forNode() {
                UnifiedJedis client = ThisJvmsRedis.endpoint().connect(REDIS_TIMEOUT);
                clients.add(client);
                return new RedisSessionStore(client, clock, CaffeineSessionStore.DEFAULT_RETENTION, namespace);
            }

            @Override
            public long memoryBytes() {
                String info = clients.get(0).info("memory");
                return info.lines().filter(line -> line.startsWith("used_memory:"))
                        .mapToLong(line -> Long.parseLong(line.substring("used_memory:".length()).trim()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("INFO memory has no used_memory"));
            }

            @Override
            public void close() {
                clients.forEach(UnifiedJedis::close);
            }
        };
    }

    /** The Redis this JVM uses, for a run's description; every benchmark fork finds its own the same way. */
    public static String redisInThisJvm() {
        return ThisJvmsRedis.endpoint().toString();
    }

    /** One Redis per JVM (a benchmark fork), found the way the tests find theirs ({@link RedisLocator#forThisJvm()}). */
    static final class ThisJvmsRedis {

        private ThisJvmsRedis() {
        }

        static RedisEndpoint endpoint() {
            LocatedRedis located = RedisLocator.forThisJvm();
            return RedisEndpoint.parse(located.url(), located.origin());
        }
    }
}

package io.github.authbench.testing;

import io.github.authbench.redis.LocatedRedis;
import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.redis.RedisLocator;
import java.util.UUID;

/**
 * One Redis for the whole test run, found by {@link RedisLocator} on first use and stopped when the JVM exits. Tests
 * keep apart through key namespaces, never by flushing a server that may be the user's own (REDIS_URL).
 */
public final class SharedRedis {

    private static LocatedRedis located;

    private SharedRedis() {
    }

    public static synchronized RedisEndpoint endpoint() {
        if (located == null) {
            located = RedisLocator.locate();
            LocatedRedis toStop = located;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::close, "stop-test-redis"));
        }
        return located.endpoint();
    }

    /** A key prefix no other test uses. */
    public static String freshNamespace() {
        return "authbench-test:" + UUID.randomUUID() + ":";
    }
}

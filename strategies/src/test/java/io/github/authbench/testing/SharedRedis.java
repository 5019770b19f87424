package io.github.authbench.testing;

import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.testkit.LocatedRedis;
import io.github.authbench.testkit.RedisLocator;
import java.util.UUID;

/**
 * One Redis for the whole test run ({@link RedisLocator#forThisJvm()}). Tests keep apart through key namespaces, never
 * by flushing a server that may be the user's own (REDIS_URL).
 */
public final class SharedRedis {

    private SharedRedis() {
    }

    public static RedisEndpoint endpoint() {
        LocatedRedis located = RedisLocator.forThisJvm();
        return RedisEndpoint.parse(located.url(), located.origin());
    }

    /** A key prefix no other test uses. */
    public static String freshNamespace() {
        return "authbench-test:" + UUID.randomUUID() + ":";
    }
}

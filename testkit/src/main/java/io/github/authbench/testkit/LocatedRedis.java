package io.github.authbench.testkit;

import java.util.OptionalLong;

/**
 * A Redis found by {@link RedisLocator}, and whatever was started to provide it (a container or a process), which
 * {@link #close()} stops. A server named by {@code REDIS_URL} belongs to the user and is left running.
 *
 * @param url {@code redis://host:port}, or the seed nodes of a cluster {@code redis://h1:p1,h2:p2}
 * @param origin how it was found, for logs and run descriptions
 */
public record LocatedRedis(String url, String origin, AutoCloseable owned) implements AutoCloseable {

    /** The process id of the redis-server this JVM started; empty for a server it does not own or cannot see. */
    public OptionalLong serverPid() {
        return owned instanceof RedisServerProcess process ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + origin + " at " + url, e);
        }
    }
}

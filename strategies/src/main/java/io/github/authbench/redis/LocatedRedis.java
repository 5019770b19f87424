package io.github.authbench.redis;

/**
 * A Redis found by {@link RedisLocator}, and whatever was started to provide it (a container or a process), which
 * {@link #close()} stops. A server named by {@code REDIS_URL} belongs to the user and is left running.
 */
public record LocatedRedis(RedisEndpoint endpoint, AutoCloseable owned) implements AutoCloseable {

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + endpoint, e);
        }
    }
}

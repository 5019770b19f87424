package io.github.authbench.redis;

import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.HostAndPort;

/** A {@code redis:7} container; loaded only when Testcontainers is on the classpath (see {@link DockerRedis}). */
final class TestcontainersRedis {

    private TestcontainersRedis() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // closed through the returned LocatedRedis
    static LocatedRedis start() {
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
        redis.start();
        RedisEndpoint endpoint = new RedisEndpoint(
                List.of(new HostAndPort(redis.getHost(), redis.getFirstMappedPort())), "Testcontainers redis:7");
        return new LocatedRedis(endpoint, redis::stop);
    }
}

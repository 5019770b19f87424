package io.github.authbench.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

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
        return new LocatedRedis("redis://" + redis.getHost() + ":" + redis.getFirstMappedPort(), "Testcontainers redis:7",
                redis::stop);
    }
}

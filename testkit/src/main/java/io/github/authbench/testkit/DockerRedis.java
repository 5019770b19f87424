package io.github.authbench.testkit;

/**
 * The Testcontainers step of {@link RedisLocator}. Testcontainers is an optional dependency: this class only touches it
 * after finding it on the classpath, and {@link TestcontainersRedis} holds the code that needs it.
 */
final class DockerRedis {

    private DockerRedis() {
    }

    /** Whether Testcontainers is present and a Docker engine answers it. */
    static boolean engineAnswers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DockerRedis.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return false;
        }
        return TestcontainersRedis.dockerAvailable();
    }

    static LocatedRedis start() {
        return TestcontainersRedis.start();
    }
}

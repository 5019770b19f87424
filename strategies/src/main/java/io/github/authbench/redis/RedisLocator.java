package io.github.authbench.redis;

/**
 * Finds a Redis for tests and benchmarks, in this order, and logs which path it took:
 * <ol>
 *   <li>{@code REDIS_URL}: an existing server ({@code redis://host:port}) or cluster (several comma-separated nodes);
 *   <li>Testcontainers ({@code redis:7}) when it is on the classpath and a Docker engine answers;
 *   <li>a {@code redis-server} process on a free loopback port ({@link RedisServerProcess}).
 * </ol>
 */
public final class RedisLocator {

    private static final System.Logger LOG = System.getLogger(RedisLocator.class.getName());

    private RedisLocator() {
    }

    public static LocatedRedis locate() {
        String url = System.getenv("REDIS_URL");
        LocatedRedis found;
        if (url != null && !url.isBlank()) {
            found = new LocatedRedis(RedisEndpoint.parse(url, "REDIS_URL"), () -> { });
        } else if (DockerRedis.engineAnswers()) {
            found = DockerRedis.start();
        } else {
            RedisServerProcess process = RedisServerProcess.start();
            found = new LocatedRedis(process.endpoint(), process);
        }
        LOG.log(System.Logger.Level.INFO, "using " + found.endpoint());
        return found;
    }
}

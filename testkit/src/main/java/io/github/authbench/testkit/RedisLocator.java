package io.github.authbench.testkit;

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

    private static LocatedRedis forThisJvm;

    private RedisLocator() {
    }

    /**
     * The one Redis of this JVM (a test run, a benchmark fork): located on first use, stopped when the JVM exits.
     * Users keep apart through key namespaces, never by flushing a server that may be the user's own.
     */
    public static synchronized LocatedRedis forThisJvm() {
        if (forThisJvm == null) {
            LocatedRedis located = locate();
            Runtime.getRuntime().addShutdownHook(new Thread(located::close, "stop-redis"));
            forThisJvm = located;
        }
        return forThisJvm;
    }

    public static LocatedRedis locate() {
        String url = System.getenv("REDIS_URL");
        LocatedRedis found;
        if (url != null && !url.isBlank()) {
            found = new LocatedRedis(url, "REDIS_URL", () -> { });
        } else if (DockerRedis.engineAnswers()) {
            found = DockerRedis.start();
        } else {
            RedisServerProcess process = RedisServerProcess.start();
            found = new LocatedRedis(process.url(), process.origin(), process);
        }
        LOG.log(System.Logger.Level.INFO, "using " + found.url() + " (" + found.origin() + ")");
        return found;
    }
}

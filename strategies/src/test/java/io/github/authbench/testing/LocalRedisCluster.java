package io.github.authbench.testing;

import io.github.authbench.redis.RedisEndpoint;
import io.github.authbench.testkit.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import redis.clients.jedis.Jedis;

/**
 * A real three-master Redis Cluster of local redis-server processes, so the cluster code path runs in tests: slots are
 * split in three, the nodes meet, and the cluster is used once every node reports {@code cluster_state:ok}.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final List<RedisServerProcess> nodes = new ArrayList<>();
    private final Path configs;

    public LocalRedisCluster(int size) {
        try {
            configs = Files.createTempDirectory("authbench-cluster-");
            for (int i = 0; i < size; i++) {
                nodes.add(RedisServerProcess.start(List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", configs.resolve("nodes-" + i + ".conf").toString(),
                        "--cluster-node-timeout", "2000")));
            }
            for (int i = 0; i < size; i++) {
                try (Jedis node = jedis(i)) {
                    int from = SLOTS * i / size;
                    int to = SLOTS * (i + 1) / size;
                    int[] slots = new int[to - from];
                    for (int s = from; s < to; s++) {
                        slots[s - from] = s;
                    }
                    node.clusterAddSlots(slots);
                    if (i > 0) {
                        node.clusterMeet("127.0.0.1", nodes.get(0).port());
                    }
                }
            }
            awaitOk(Duration.ofSeconds(30));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    public RedisEndpoint endpoint() {
        StringJoiner url = new StringJoiner(",", "redis://", "");
        nodes.forEach(node -> url.add("127.0.0.1:" + node.port()));
        return RedisEndpoint.parse(url.toString(), "local 3-node cluster");
    }

    private Jedis jedis(int i) {
        return new Jedis("127.0.0.1", nodes.get(i).port());
    }

    private void awaitOk(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            boolean ok = true;
            for (int i = 0; i < nodes.size() && ok; i++) {
                try (Jedis node = jedis(i)) {
                    ok = node.clusterInfo().contains("cluster_state:ok")
                            && node.clusterNodes().lines().count() == nodes.size();
                }
            }
            if (ok) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the local Redis Cluster did not reach cluster_state:ok within " + patience);
    }

    /** Stops the nodes, then removes their cluster config files, which each run would otherwise leave in the temp dir. */
    @Override
    public void close() {
        nodes.forEach(RedisServerProcess::close);
        if (configs == null) {
            return;
        }
        try (var files = Files.walk(configs)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

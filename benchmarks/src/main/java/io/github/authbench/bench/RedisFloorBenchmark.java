package io.github.authbench.bench;

import io.github.authbench.redis.RedisEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The floor of every Redis-backed check: one GET of a small existing value through the same pooled client the store
 * uses, from the measuring thread on Redis's CPU as every single-threaded Redis benchmark ({@link RedisNeighbour}).
 * Runs only where Redis is part of the run (the full profile, or {@code --store redis}).
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar RedisFloorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedisFloorBenchmark extends SuiteFork {

    private UnifiedJedis redis;
    private byte[] key;

    @Setup(Level.Trial)
    public void connect(BenchmarkParams benchmark) {
        RedisNeighbour.join(benchmark.getThreads());
        RedisEndpoint endpoint = StoreKind.ThisJvmsRedis.endpoint();
        redis = endpoint.connect(StoreKind.REDIS_TIMEOUT);
        key = ("authbench:floor:" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        redis.set(key, new byte[160], SetParams.setParams().px(3_600_000));
    }

    @TearDown(Level.Trial)
    public void close() {
        redis.del(key);
        redis.close();
    }

    @Benchmark
    public byte[] redisGet() {
        return redis.get(key);
    }
}

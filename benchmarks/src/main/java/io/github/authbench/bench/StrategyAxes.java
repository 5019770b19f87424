package io.github.authbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The axes every strategy benchmark is crossed with: the signing algorithm, the JWT library ({@link LibraryAxis}) and
 * the store. A benchmark class takes its {@code strategy} parameter by extending the base for its operation (every
 * strategy, or the catalogue's subset it applies to, by trait), which the build writes from the catalogue: see
 * {@code benchmarks/src/build}.
 */
@State(Scope.Benchmark)
public abstract class StrategyAxes extends LibraryAxis {

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"CAFFEINE", "REDIS"})
    public StoreKind store;

    /** On Redis, the measuring thread shares a CPU with the server ({@link RedisNeighbour}). */
    @Setup(Level.Trial)
    public void besideRedis(BenchmarkParams benchmark) {
        if (store == StoreKind.REDIS) {
            RedisNeighbour.join(benchmark.getThreads());
        }
    }
}

package io.github.authbench.bench;

import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Claim: "refresh tokens fix short access tokens, cheaply". The cost of one refresh, chained as a client does it: each
 * call presents what the previous call returned (access-refresh rotates its refresh token and leaves a tombstone;
 * sliding-jwt re-issues its access token). Only the two strategies that refresh are run.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar RefreshBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefreshBenchmark {

    @Param({"access-refresh", "sliding-jwt"})
    public String strategy;

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"TYPICAL", "SMALL", "LARGE"})
    public Payload payload;

    @Param({"CAFFEINE", "REDIS"})
    public StoreKind store;

    private Deployment deployment;
    private AuthStrategy node;

    @Setup(Level.Trial)
    public void deploy() {
        deployment = Deployment.pinned(strategy, algorithm, store);
        node = deployment.nodeA();
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    /** One client's chain of credentials: each refresh uses the result of the previous one. */
    @State(Scope.Thread)
    public static class Chain {
        Credentials current;

        @Setup(Level.Trial)
        public void login(RefreshBenchmark benchmark, ThreadParams thread) {
            current = benchmark.node.login(benchmark.payload.principal(thread.getThreadIndex()));
        }
    }

    @Benchmark
    public Credentials refresh(Chain chain) throws AuthException {
        Credentials previous = chain.current;
        Credentials next = node.refresh(previous.refresh() != null ? previous.refresh() : previous.access());
        chain.current = next;
        return next;
    }
}

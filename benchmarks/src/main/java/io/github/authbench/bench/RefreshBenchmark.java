package io.github.authbench.bench;

import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.SigningKeys;
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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefreshBenchmark extends RefreshableStrategy {

    @Param({"TYPICAL", "SMALL", "LARGE"})
    public Payload payload;

    /** Refreshes in the untimed rehearsal (bounded in time as well). */
    private static final int REHEARSAL = 1 << 14;

    private Deployment deployment;
    private AuthStrategy node;

    @Setup(Level.Trial)
    public void deploy() {
        SigningKeys keys = SigningKeys.generate(algorithm);
        rehearse(keys);
        deployment = Deployment.pinned(strategy, keys, codec, store);
        node = deployment.nodeA();
    }

    /**
     * A chain of refreshes on a throwaway deployment, untimed, then the JIT settles: in 24 x 100 ms after 1.5 s of
     * warmup, refreshes here still fell from 1.3-1.4x to 0.8x of their median through the fork while the issuing path
     * compiled.
     */
    private void rehearse(SigningKeys keys) {
        try (Deployment rehearsal = Deployment.pinned(strategy, keys, codec, store)) {
            AuthStrategy rehearsing = rehearsal.nodeA();
            Credentials[] chain = {rehearsing.login(payload.principal(0))};
            Settle.rehearseThenSettle(REHEARSAL, i -> chain[0] = refreshed(rehearsing, chain[0]));
        }
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
    public Credentials refresh(Chain chain) {
        Credentials next = refreshed(node, chain.current);
        chain.current = next;
        return next;
    }

    /** What a client does: present the refresh token where there is one, else the access token. */
    private static Credentials refreshed(AuthStrategy node, Credentials previous) {
        try {
            return node.refresh(previous.refresh() != null ? previous.refresh() : previous.access());
        } catch (AuthException e) {
            throw new IllegalStateException("a chained refresh was refused: " + e.getMessage(), e);
        }
    }
}

package io.github.authbench.bench;

import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Claim: "revocation is expensive". The cost of one logout of a live login. Logging out the same credential twice
 * costs something else, so each measured call logs out a login made, untimed, just before it (a per-invocation setup),
 * and is timed alone in JMH's sample mode: the score is the distribution over thousands of calls. Sample mode reads
 * the clock around each sampled call only, outside the setup, so the setup's cost does not leak into the score as it
 * would in average-time mode (JMHSample_38). The trial first rehearses whole shots untimed, so the shots measure the
 * approach on compiled code, not the JIT.
 * Strategies whose logout does nothing (stateless-jwt, sliding-jwt) are not run.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar LogoutBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogoutBenchmark extends StrategyWithServerState {

    private Deployment deployment;
    private AuthStrategy node;
    private Credentials live;
    private int user;

    @Setup(Level.Trial)
    public void deploy() {
        deployment = Deployment.pinned(strategy, algorithm, codec, store);
        node = deployment.nodeA();
        Settle.rehearseShotsThenSettle(i -> {
            login();
            logout();
        });
    }

    @Setup(Level.Invocation)
    public void login() {
        live = node.login(Payload.TYPICAL.principal(user++));
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    @Benchmark
    public Credentials logout() {
        node.logout(live.access());
        return live;
    }
}

package io.github.authbench.bench;

import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.Reason;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Claim: "JWTs can't be revoked; sessions revoke instantly". Time from a logout on node A until node B rejects the
 * credential: the logout call plus B's first check, which must already say REVOKED (a run stops if B still accepts).
 * Each shot uses a login made untimed just before it (a per-invocation setup, outside the timed call) and is timed
 * alone in JMH's sample mode, back to back with the next, for as long as the iteration lasts: the percentiles are the
 * distribution over thousands of shots. The trial first rehearses whole shots untimed, so the shots measure the
 * approach on compiled code, not the JIT working through its first calls. (Single shots, one per JMH iteration,
 * measured the machine's cold paths instead: their tail on Redis was the machine's, docs/measurements.md.)
 * Only strategies that can revoke before exp run here; the others' window (their token lifetime) comes from the
 * exact pass.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar RevocationLatencyBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RevocationLatencyBenchmark extends StrategyRevokedAtOnce {

    private Deployment deployment;
    private Credentials live;
    private int user;

    @Setup(Level.Trial)
    public void deploy() {
        deployment = Deployment.pinned(strategy, algorithm, codec, store);
        Settle.rehearseShotsThenSettle(i -> {
            loginAndSeeItOnB();
            logoutOnAUntilBRejects();
        });
    }

    @Setup(Level.Invocation)
    public void loginAndSeeItOnB() throws AuthException {
        live = deployment.nodeA().login(Payload.TYPICAL.principal(user++));
        deployment.nodeB().authenticate(live.access());
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    @Benchmark
    public Reason logoutOnAUntilBRejects() {
        deployment.nodeA().logout(live.access());
        try {
            deployment.nodeB().authenticate(live.access());
        } catch (AuthException rejected) {
            return rejected.reason();
        }
        throw new IllegalStateException(strategy + ": node B still accepts a credential logged out on node A");
    }
}

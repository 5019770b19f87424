package io.github.authbench.bench;

import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
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
 * Claim: "a forged token costs nothing to reject". What an attacker's well-formed garbage costs the server: credentials
 * issued by another deployment of the same strategy (another key, another store), so a JWT strategy must check a
 * signature and a session strategy must ask its store before saying no. Each call returns the rejection reason; an
 * accepted forgery stops the run.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar RejectBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RejectBenchmark extends EveryStrategy {


    private Deployment deployment;
    private AuthStrategy node;
    private String[] forged;

    @Setup(Level.Trial)
    public void forge() {
        deployment = Deployment.pinned(strategy, algorithm, codec, store);
        node = deployment.nodeA();
        forged = new String[Cursor.POOL];
        try (Deployment attacker = Deployment.pinned(strategy, algorithm, codec, StoreKind.CAFFEINE)) {
            for (int i = 0; i < forged.length; i++) {
                forged[i] = attacker.nodeA().login(Payload.TYPICAL.principal(i)).access();
            }
        }
        Settle.rehearseThenSettle(Settle.REHEARSED_CHECKS, i -> rejected(forged[i & (Cursor.POOL - 1)]));
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    @Benchmark
    public Reason reject(Cursor cursor) {
        return rejected(forged[cursor.next()]);
    }

    /** One forged credential refused; also the untimed rehearsal, so the rejecting path is compiled before warmup. */
    private Reason rejected(String credential) {
        try {
            node.authenticate(credential);
        } catch (AuthException rejected) {
            return rejected.reason();
        }
        throw new IllegalStateException(strategy + " accepted a forged credential");
    }
}

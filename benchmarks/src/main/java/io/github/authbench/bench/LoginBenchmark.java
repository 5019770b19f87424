package io.github.authbench.bench;

import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.Principal;
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

/**
 * Claim: "issuing a JWT is cheaper than creating a session". The cost of one login for an already verified user:
 * random ids, signatures and store writes, whatever the strategy needs. Every login adds state to the store, as in
 * production; the embedded store is bounded, so a long run measures eviction too.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar LoginBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoginBenchmark {

    @Param({"session", "stateless-jwt", "stateful-jwt", "sliding-session", "sliding-jwt", "access-refresh",
            "jwt-denylist"})
    public String strategy;

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"TYPICAL", "SMALL", "LARGE"})
    public Payload payload;

    @Param({"CAFFEINE", "REDIS"})
    public StoreKind store;

    private Deployment deployment;
    private AuthStrategy node;
    private Principal[] principals;

    @Setup(Level.Trial)
    public void prepare() {
        deployment = Deployment.pinned(strategy, algorithm, store);
        node = deployment.nodeA();
        principals = new Principal[Cursor.POOL];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = payload.principal(i);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    @Benchmark
    public Credentials login(Cursor cursor) {
        return node.login(principals[cursor.next()]);
    }
}

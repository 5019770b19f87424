package io.github.authbench.bench;

import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Principal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Claim: "sessions need a store hit per request, JWTs only a signature check". This measures what one request's
 * credential check costs each strategy: a valid credential from a pool of 1024 distinct users, against a store holding
 * {@code population} other logins, with time pinned so nothing expires. {@code authenticate} is the latency of one
 * check; the throughput methods run 1 and 2 threads (on a 2-core machine 2 threads is all there is).
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar AuthenticateBenchmark -p strategy=session}
 */
public class AuthenticateBenchmark extends EveryStrategy {

    @Param({"TYPICAL", "SMALL", "LARGE"})
    public Payload payload;

    @Param({"100000"})
    public int population;

    private Deployment deployment;
    private AuthStrategy node;
    private String[] credentials;

    @Setup(Level.Trial)
    public void issue() {
        deployment = Deployment.pinned(strategy, algorithm, codec, store);
        deployment.populate(population, payload);
        node = deployment.nodeA();
        credentials = new String[Cursor.POOL];
        for (int i = 0; i < credentials.length; i++) {
            credentials[i] = node.login(payload.principal(i)).access();
        }
        // The issuing path is hot by now, the checking path is not: without this, a JWT check was still compiling
        // through its first measured second (docs/measurements.md). Time is pinned, so a check here is the same as a
        // measured one, a sliding strategy's touch included.
        Settle.rehearseThenSettle(Settle.REHEARSED_CHECKS, i -> node.authenticate(credentials[i & (Cursor.POOL - 1)]));
    }

    @TearDown(Level.Trial)
    public void close() {
        deployment.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Principal authenticate(Cursor cursor) throws AuthException {
        return node.authenticate(credentials[cursor.next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Principal throughput1Thread(Cursor cursor) throws AuthException {
        return node.authenticate(credentials[cursor.next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Principal throughput2Threads(Cursor cursor) throws AuthException {
        return node.authenticate(credentials[cursor.next()]);
    }
}

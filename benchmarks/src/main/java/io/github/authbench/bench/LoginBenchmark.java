package io.github.authbench.bench;

import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.Principal;
import io.github.authbench.strategy.SigningKeys;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Claim: "issuing a JWT is cheaper than creating a session". The cost of one login for an already verified user:
 * random ids, signatures and store writes, whatever the strategy needs, for distinct users, into a store that each
 * iteration starts empty.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar LoginBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoginBenchmark extends EveryStrategy {

    @Param({"TYPICAL", "SMALL", "LARGE"})
    public Payload payload;

    /**
     * Distinct users logged in: enough that no user holds more than a login or two within an iteration. With the
     * 1024-user pool of the other benchmarks each user logged in dozens of times per fork, and each login adds to that
     * user's index of live sessions, so the score drifted through the fork ({@code docs/measurements.md}).
     */
    static final int USERS = 1 << 14;

    private SigningKeys keys;
    private Principal[] principals;
    private Deployment deployment;
    private AuthStrategy node;

    @Setup(Level.Trial)
    public void prepare() {
        keys = SigningKeys.generate(algorithm);
        principals = new Principal[USERS];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = payload.principal(i);
        }
        rehearse();
    }

    /**
     * Users log in on a throwaway deployment, untimed, and the JIT finishes compiling what that made hot, as the heavy
     * setups of the other benchmarks do: otherwise the compilers drain the issuing path during warmup and the first
     * measured iterations, sharing 2 cores with the measured thread.
     */
    private void rehearse() {
        try (Deployment rehearsal = Deployment.pinned(strategy, keys, codec, store)) {
            AuthStrategy rehearsing = rehearsal.nodeA();
            Settle.rehearseThenSettle(USERS, i -> rehearsing.login(principals[i]));
        }
    }

    /**
     * A fresh store for every iteration, untimed: the clock is pinned, so nothing a login stores ever expires, and
     * over a fork the logins would fill the heap (quick forks ran into full collections: single iterations 5x to 10x
     * their median). Within an iteration every login still adds state, as in production.
     */
    @Setup(Level.Iteration)
    public void deploy() {
        // JMH runs this class's iteration setups before the inherited one: take the turn first, so that building the
        // store falls in this fork's turn, not in the other side's measured iteration.
        awaitTurn();
        deployment = Deployment.pinned(strategy, keys, codec, store);
        node = deployment.nodeA();
    }

    @TearDown(Level.Iteration)
    public void close() {
        deployment.close();
    }

    @Benchmark
    public Credentials login(Cursor cursor) {
        return node.login(principals[cursor.next(USERS)]);
    }
}

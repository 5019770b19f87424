package io.github.authbench.bench;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A thread's walk through a pool of precomputed inputs (Caffeine's GetPutBenchmark): a random start, fixed per thread
 * index so runs repeat, then {@code index++ & (size - 1)}, so threads do not read the same credential in lockstep.
 */
@State(Scope.Thread)
public class Cursor {

    /** Size of every input pool: a power of two, many distinct users, small enough to stay cheap to issue. */
    public static final int POOL = 1024;
    private static final long SEED = 0x5EED_0A07_BE4CL;

    private int index;

    @Setup(Level.Trial)
    public void start(ThreadParams thread) {
        index = new SplittableRandom(SEED + thread.getThreadIndex()).nextInt();
    }

    /** The next index into a pool of {@link #POOL} inputs. */
    public int next() {
        return next(POOL);
    }

    /** The next index into a pool of {@code size} inputs; {@code size} is a power of two. */
    public int next(int size) {
        return index++ & (size - 1);
    }
}

package io.github.authbench.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Lets a trial setup's aftermath pass before warmup starts: its garbage, and the JIT's queue.
 *
 * <p>The heap: a setup that fills a store or a pool leaves young garbage and a young population. A full collection
 * here (the forks run ParallelGC, whose full collection compacts and tenures) means no measured iteration collects
 * the setup's garbage or copies its population between survivor spaces (a profile of the Caffeine floor, which had
 * no such collection, showed the collector copying survivors during measurement).
 *
 * <p>The JIT: a setup that logs in thousands of users (the store's population, the credential pool) makes the whole
 * issuing path hot: JSON writing, signing, SecureRandom. On 2 cores the compiler threads then drain that queue during
 * warmup and the first measured iterations, taking a core from the measured thread, so a benchmark with a heavy setup
 * measured slower than one with a light setup (here: over 4 s of compilation before the first measured iteration, and
 * up to 350 ms of it inside single 100 ms iterations of {@code authenticate}). Waiting here is untimed; the measured
 * path still warms up in warmup.
 */
final class Settle {

    /** How long the compilers must stay idle to call the queue drained. */
    private static final long QUIET_MILLIS = 300;
    private static final long POLL_MILLIS = 50;
    /** An upper bound, so a JVM that keeps compiling cannot stall a run. */
    private static final long MAX_MILLIS = 10_000;

    /** A rehearsal stops after this long even if calls are left: an ES256 login takes about 0.4 ms here. */
    private static final long MAX_REHEARSAL_MILLIS = 2_000;

    /**
     * The most whole shots (a login, then the timed call) a logout or revocation benchmark rehearses: more than the
     * JIT took here to bring a shot on Redis to its steady time (docs/measurements.md).
     */
    private static final int MAX_REHEARSED_SHOTS = 50_000;
    /** The fewest: the JIT starts with the shot's own methods only after thousands of calls. */
    private static final int MIN_REHEARSED_SHOTS = 5_000;
    /** A shot rehearsal ends once the JIT has compiled nothing for this long while the shots ran. */
    private static final long SHOT_QUIET_MILLIS = 1_000;
    /**
     * A shot rehearsal's bound on Redis: a shot there waits on round trips, so its methods reach the JIT's thresholds
     * only after seconds of calls (7 s here for a revocation shot).
     */
    private static final long MAX_SHOT_REHEARSAL_MILLIS_ON_REDIS = 8_000;
    /**
     * On the embedded store a shot's time is its own work: the hot code (an ES256 signature's arithmetic) is compiled
     * within the first seconds, and the compiler's long tail after that would only burn the run's time.
     */
    private static final long MAX_SHOT_REHEARSAL_MILLIS = 3_000;

    private Settle() {}

    /**
     * For benchmarks whose setup issues nothing: makes {@code call} (given 0, 1, 2, ...) up to {@code calls} times or
     * for at most {@link #MAX_REHEARSAL_MILLIS}, untimed and on state the benchmark will not measure, then settles as
     * {@link #afterSetup} does.
     */
    static void rehearseThenSettle(int calls, IntConsumer call) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_REHEARSAL_MILLIS);
        for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
            call.accept(i);
        }
        afterSetup();
    }

    /**
     * For logout and revocation: rehearses whole shots untimed until the JIT has compiled nothing for
     * {@link #SHOT_QUIET_MILLIS} while they ran (after at least {@link #MIN_REHEARSED_SHOTS}), or
     * {@link #MAX_REHEARSED_SHOTS}, or the bound for its store, then settles. Warmup iterations of a fixed
     * length do not fit every shot: a shot on Redis waits on round trips, so its path reaches the JIT's thresholds
     * seconds later than an embedded one, and it was still being compiled while measured; an ES256 shot compiles
     * quickly and would only burn the time. Prints how the rehearsal ended, into the fork's output.
     */
    static void rehearseShotsThenSettle(StoreKind store, IntConsumer shot) {
        long maxMillis = store == StoreKind.REDIS ? MAX_SHOT_REHEARSAL_MILLIS_ON_REDIS : MAX_SHOT_REHEARSAL_MILLIS;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        long compiled = watched ? jit.getTotalCompilationTime() : 0;
        long quietSince = start;
        int shots = 0;
        String ended = "after " + MAX_REHEARSED_SHOTS + " shots";
        while (shots < MAX_REHEARSED_SHOTS) {
            shot.accept(shots++);
            long now = System.nanoTime();
            if (now >= deadline) {
                ended = "at the " + maxMillis + " ms bound";
                break;
            }
            if (watched) {
                long total = jit.getTotalCompilationTime();
                if (total != compiled) {
                    compiled = total;
                    quietSince = now;
                } else if (shots >= MIN_REHEARSED_SHOTS
                        && now - quietSince >= TimeUnit.MILLISECONDS.toNanos(SHOT_QUIET_MILLIS)) {
                    ended = "when the JIT had been quiet for " + SHOT_QUIET_MILLIS + " ms";
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "authbench: rehearsed %,d shots in %d ms, ended %s%n", shots,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), ended);
        afterSetup();
    }


    /**
     * Collects the heap, then blocks until the JIT's total compilation time has not moved for {@link #QUIET_MILLIS},
     * or the bound.
     */
    static void afterSetup() {
        System.gc();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_MILLIS);
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }
}

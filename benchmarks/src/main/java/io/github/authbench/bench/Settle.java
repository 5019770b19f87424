package io.github.authbench.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import io.github.authbench.strategy.AuthException;

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

    /** Calls a check benchmark (authenticate, reject, a library's verify) rehearses, bounded in time as well. */
    static final int REHEARSED_CHECKS = 1 << 15;

    /** A rehearsal stops after this long even if calls are left: an ES256 login takes about 0.4 ms here. */
    private static final long MAX_REHEARSAL_MILLIS = 2_000;

    /**
     * Whole shots (a login, then the timed call) a logout or revocation benchmark rehearses, or as many as
     * {@link #MAX_SHOT_REHEARSAL_MILLIS} allows: the shot's own methods are called once a shot, so they reach the JIT's
     * thresholds only after tens of thousands of shots (docs/measurements.md: fewer left an HS256 JWT shot at twice its
     * compiled time, and a shot on Redis, which waits on round trips, takes seconds to get there).
     */
    private static final int REHEARSED_SHOTS = 50_000;
    /** A rehearsal's bound: an ES256 shot takes milliseconds, and its time is the signature's, compiled early. */
    private static final long MAX_SHOT_REHEARSAL_MILLIS = 8_000;

    private Settle() {}

    /** One rehearsed call, given its index (0, 1, 2, ...). */
    @FunctionalInterface
    interface Call {
        void make(int index) throws AuthException;
    }

    /**
     * For benchmarks whose measured path the setup does not make hot: makes {@code call} (given 0, 1, 2, ...) up to
     * {@code calls} times or for at most {@link #MAX_REHEARSAL_MILLIS}, untimed, then settles as {@link #afterSetup}
     * does, so the path is compiled before warmup rather than during the first measured iterations. The call must
     * leave nothing the measurement would see (a throwaway deployment, or a check under the pinned clock).
     */
    static void rehearseThenSettle(int calls, Call call) {
        rehearse(calls, MAX_REHEARSAL_MILLIS, call);
        afterSetup();
    }

    /**
     * For logout and revocation: rehearses {@link #REHEARSED_SHOTS} whole shots untimed, or as many as
     * {@link #MAX_SHOT_REHEARSAL_MILLIS} allows, then settles. Prints how many it made, into the fork's output.
     */
    static void rehearseShotsThenSettle(Call shot) {
        long start = System.nanoTime();
        int made = rehearse(REHEARSED_SHOTS, MAX_SHOT_REHEARSAL_MILLIS, shot);
        System.out.printf(Locale.ROOT, "authbench: rehearsed %,d of up to %,d shots in %d ms (bound %d ms)%n", made,
                REHEARSED_SHOTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), MAX_SHOT_REHEARSAL_MILLIS);
        afterSetup();
    }

    /**
     * Makes {@code call} (given 0, 1, 2, ...) up to {@code calls} times or for at most {@code maxMillis}; the count. A
     * refusal stops the fork: the rehearsal makes the calls the benchmark will measure, so the setup is wrong.
     */
    private static int rehearse(int calls, long maxMillis, Call call) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        int made = 0;
        try {
            while (made < calls && System.nanoTime() < deadline) {
                call.make(made++);
            }
        } catch (AuthException e) {
            throw new IllegalStateException("rehearsed call " + made + " was refused: " + e.getMessage(), e);
        }
        return made;
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

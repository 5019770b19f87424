package io.github.authbench.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Lets the JIT finish what a setup gave it before warmup starts. A trial setup that logs in thousands of users (the
 * store's population, the credential pool) makes the whole issuing path hot: JSON writing, signing, SecureRandom.
 * On 2 cores the compiler threads then drain that queue during warmup and the first measured iterations, taking a
 * core from the measured thread, so a benchmark with a heavy setup measured slower than one with a light setup (here:
 * over 4 s of compilation before the first measured iteration, and up to 350 ms of it inside single 100 ms
 * iterations of {@code authenticate}). Waiting here is untimed; the measured path still warms up in warmup.
 */
final class JitSettle {

    /** How long the compilers must stay idle to call the queue drained. */
    private static final long QUIET_MILLIS = 300;
    private static final long POLL_MILLIS = 50;
    /** An upper bound, so a JVM that keeps compiling cannot stall a run. */
    private static final long MAX_MILLIS = 10_000;

    private JitSettle() {}

    /** A rehearsal stops after this long even if calls are left: an ES256 login takes about 0.4 ms here. */
    private static final long MAX_REHEARSAL_MILLIS = 2_000;

    /**
     * For benchmarks whose setup issues nothing: makes {@code call} (given 0, 1, 2, ...) up to {@code calls} times or
     * for at most {@link #MAX_REHEARSAL_MILLIS}, untimed and on state the benchmark will not measure, then awaits the
     * JIT as {@link #await} does.
     */
    static void rehearseThenAwait(int calls, IntConsumer call) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_REHEARSAL_MILLIS);
        for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
            call.accept(i);
        }
        System.gc();
        await();
    }

    /** Blocks until the JIT's total compilation time has not moved for {@link #QUIET_MILLIS}, or the bound. */
    static void await() {
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

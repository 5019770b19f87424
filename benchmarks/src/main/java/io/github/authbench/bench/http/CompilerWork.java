package io.github.authbench.bench.http;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long this JVM's JIT compilers have worked so far, in milliseconds: the CPU time of their threads where Linux's
 * {@code /proc} shows it, else the JVM's total compilation time. The CPU time grows while a compilation runs; the
 * total compilation time grows only when one completes, so a compilation that takes seconds on a busy CPU looks like
 * an idle compiler until it ends, and a warm-up judged by it can end in the middle of one.
 */
final class CompilerWork {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** The JVM names them "C1 CompilerThread0", "C2 CompilerThread1", ...; Linux keeps the first 15 characters. */
    private static final String COMPILER_THREAD = "CompilerThre";
    /** {@code /proc} counts CPU time in clock ticks of 1/100 s on Linux (USER_HZ, fixed by the kernel's ABI). */
    private static final long MILLIS_PER_TICK = 10;

    /** Where the figure comes from, for {@code /info}. */
    enum Source {
        COMPILER_THREADS_CPU, COMPLETED_COMPILATIONS, NONE
    }

    /** Milliseconds so far (-1 when this JVM cannot say) and where they come from. */
    record Reading(long millis, Source source) {
    }

    private CompilerWork() {
    }

    static Reading read() {
        long cpu = compilerThreadsCpuMillis();
        if (cpu >= 0) {
            return new Reading(cpu, Source.COMPILER_THREADS_CPU);
        }
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? new Reading(compiler.getTotalCompilationTime(), Source.COMPLETED_COMPILATIONS)
                : new Reading(-1, Source.NONE);
    }

    /** The compiler threads' user and system CPU time, or -1 without {@code /proc} or without compiler threads. */
    private static long compilerThreadsCpuMillis() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long ticks = 0;
        boolean found = false;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long taskTicks = compilerTicks(task);
                if (taskTicks >= 0) {
                    ticks += taskTicks;
                    found = true;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? ticks * MILLIS_PER_TICK : -1;
    }

    /** A compiler thread's utime + stime, or -1 for another thread or one that ended while being read. */
    private static long compilerTicks(Path task) {
        try {
            if (!Files.readString(task.resolve("comm")).contains(COMPILER_THREAD)) {
                return -1;
            }
            String stat = Files.readString(task.resolve("stat"));
            // The thread's name is in parentheses and may hold spaces; the fields after it start with the state.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

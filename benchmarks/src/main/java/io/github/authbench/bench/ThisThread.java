package io.github.authbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread as Linux sees it ({@code /proc/thread-self}): its id, and the CPUs it may run on. */
final class ThisThread {

    private static final Path THIS_THREAD = Path.of("/proc/thread-self");

    private ThisThread() {
    }

    /** Whether a thread can be placed on a CPU here: {@code taskset} and {@code /proc/thread-self} exist. */
    static boolean placeable() {
        return Taskset.available() && Files.exists(THIS_THREAD);
    }

    /** The thread's own id (Linux threads have their own ids), which {@link Taskset#pin} takes. */
    static long id() throws IOException {
        return Long.parseLong(Files.readSymbolicLink(THIS_THREAD).getFileName().toString());
    }

    /**
     * The highest CPU this thread may run on ({@code Cpus_allowed_list} is ascending, e.g. {@code 0-1} or
     * {@code 2,4-5}).
     */
    static String lastAllowedCpu() throws IOException {
        String allowed = Files.readAllLines(THIS_THREAD.resolve("status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                .orElseThrow(() -> new IOException("no Cpus_allowed_list in " + THIS_THREAD.resolve("status")))
                .substring("Cpus_allowed_list:".length()).strip();
        String[] numbers = allowed.split("[,-]");
        return Integer.toString(Integer.parseInt(numbers[numbers.length - 1]));
    }
}

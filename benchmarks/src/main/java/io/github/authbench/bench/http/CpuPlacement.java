package io.github.authbench.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPUs the server and the driver run on. With {@code taskset} and at least two CPUs they get separate halves
 * (the server the upper half), so neither steals the other's cycles and a saturated server is the server's limit;
 * otherwise they share every CPU, and the report says so.
 *
 * @param serverCpus a {@code taskset} CPU list for the server, empty when not pinned
 * @param driverCpus a {@code taskset} CPU list for the driver, empty when not pinned
 * @param cpus the CPUs this machine gave the command before any pinning
 */
public record CpuPlacement(String serverCpus, String driverCpus, int cpus) {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /** Pinned halves when {@code taskset} exists and there are two CPUs or more; shared otherwise. */
    public static CpuPlacement choose(boolean pin) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!pin || cpus < 2 || !Files.isExecutable(TASKSET)) {
            return new CpuPlacement("", "", cpus);
        }
        int driver = cpus / 2;
        return new CpuPlacement(range(driver, cpus - 1), range(0, driver - 1), cpus);
    }

    public boolean pinned() {
        return !serverCpus.isEmpty();
    }

    /** The server's command line, prefixed with {@code taskset} when pinned. */
    public List<String> serverCommand(List<String> command) {
        List<String> pinned = new ArrayList<>();
        if (pinned()) {
            pinned.addAll(List.of(TASKSET.toString(), "-c", serverCpus));
        }
        pinned.addAll(command);
        return pinned;
    }

    /** Pins every thread of this JVM (the driver) to the driver's CPUs; threads started later inherit it. */
    public void pinThisJvm() throws IOException, InterruptedException {
        if (!pinned()) {
            return;
        }
        Process taskset = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", driverCpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IOException("taskset could not pin the driver: " + output.strip());
        }
    }

    /** For the report: {@code server on CPU 1, driver on CPU 0 (taskset)} or that they share. */
    public String describe() {
        return pinned()
                ? "server on CPU " + serverCpus + ", driver on CPU " + driverCpus + " (taskset), of " + cpus
                : "server and driver share all " + cpus + " CPUs (not pinned)";
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}

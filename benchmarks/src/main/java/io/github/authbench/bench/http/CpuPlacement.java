package io.github.authbench.bench.http;

import io.github.authbench.bench.Taskset;
import java.io.IOException;
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

    /** Pinned halves when {@code taskset} exists and there are two CPUs or more; shared otherwise. */
    public static CpuPlacement choose(boolean pin) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!pin || cpus < 2 || !Taskset.available()) {
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
        return pinned() ? Taskset.prefix(serverCpus, command) : command;
    }

    /** Pins every thread of this JVM (the driver) to the driver's CPUs; threads started later inherit it. */
    public void pinThisJvm() throws IOException {
        if (pinned()) {
            Taskset.pin(driverCpus, ProcessHandle.current().pid(), true);
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

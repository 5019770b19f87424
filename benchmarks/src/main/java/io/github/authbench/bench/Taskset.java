package io.github.authbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Linux's {@code taskset}: which CPUs a process or a thread may run on. */
public final class Taskset {

    private static final Path COMMAND = Path.of("/usr/bin/taskset");

    private Taskset() {
    }

    public static boolean available() {
        return Files.isExecutable(COMMAND);
    }

    /** {@code taskset -c cpus} in front of a command line. */
    public static List<String> prefix(String cpus, List<String> command) {
        List<String> pinned = new ArrayList<>(List.of(COMMAND.toString(), "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    /**
     * Pins a running process or thread to {@code cpus}.
     *
     * @param id a process id, or a thread id (Linux threads have their own ids)
     * @param everyThread the process's every thread, not only the one the id names
     * @throws IOException when taskset cannot start or refuses, with its message
     */
    public static void pin(String cpus, long id, boolean everyThread) throws IOException {
        List<String> command = new ArrayList<>(List.of(COMMAND.toString()));
        if (everyThread) {
            command.add("-a");
        }
        command.addAll(List.of("-p", "-c", cpus, Long.toString(id)));
        Process taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        try {
            if (taskset.waitFor() != 0) {
                throw new IOException("taskset could not pin " + id + " to CPU " + cpus + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinning " + id, e);
        }
    }
}

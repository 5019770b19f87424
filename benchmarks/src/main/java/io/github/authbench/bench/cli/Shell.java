package io.github.authbench.bench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a command (git, Maven) in a directory and returns its exit status and output together. */
final class Shell {

    record Result(int status, String output) {
    }

    private Shell() {
    }

    static Result run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs the command; if it fails, a one-line {@link UsageException} saying what failed and its last line. */
    static void check(Path directory, List<String> command, String what) {
        Result result = run(directory, command);
        if (result.status() != 0) {
            String last = result.output().strip().lines().reduce((a, b) -> b).orElse("");
            throw new UsageException(what + " failed (exit " + result.status() + ")" + (last.isEmpty() ? "" : ": " + last));
        }
    }
}

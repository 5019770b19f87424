package io.github.authbench.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JMH invocation of one side of {@code ./authbench ab}, in a JMH of the side's own classpath ({@code java -cp JAR
 * org.openjdk.jmh.Main}, whose command line every version of the suite understands), its output appended to the
 * session's {@code jmh.log}.
 */
final class JmhFork {

    /** What JMH says when no benchmark of the jar matches the includes. */
    private static final String NO_MATCH = "No matching benchmarks";

    private JmhFork() {
    }

    /** A JMH of one side started on one invocation, its output going to a file until {@link #finish}. */
    record Started(AbSide side, Invocation invocation, Process process, Path output, Path json) {
    }

    /**
     * Runs the invocation with these JMH settings into {@code json}. A side that has none of the invocation's
     * benchmarks (a benchmark added by the candidate) gets an empty result file: its rows are then on one side only.
     *
     * @throws UsageException when JMH fails otherwise (a benchmark threw, the JVM did not start): the log says why
     */
    static void run(AbSide side, Invocation invocation, List<String> settings, Path json, Path log) throws IOException {
        finish(start(side, invocation, settings, List.of(), json), log);
    }

    /**
     * Starts the invocation with these JMH settings into {@code json}, without waiting for it.
     *
     * @param forkOptions JVM options for the fork besides the side's own (the property of
     *                    {@link io.github.authbench.bench.Turns}); also lets the host run beside another JMH (JMH
     *                    otherwise refuses to start while another one holds its lock)
     */
    static Started start(AbSide side, Invocation invocation, List<String> settings, List<String> forkOptions,
            Path json) throws IOException {
        // The host JVM only starts the fork and collects its results: C1 and the serial collector start it faster,
        // and the fork does not inherit them (the suite's @Fork sets the fork's options; jmh.log's "# VM options").
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (!forkOptions.isEmpty()) {
            command.add("-Djmh.ignoreLock=true");
        }
        command.addAll(List.of("-cp", side.classpath(), "org.openjdk.jmh.Main"));
        command.addAll(invocation.includes());
        for (Map.Entry<String, List<String>> parameter : invocation.parameters().entrySet()) {
            command.add("-p");
            command.add(parameter.getKey() + "=" + String.join(",", parameter.getValue()));
        }
        command.addAll(settings);
        List<String> appended = new ArrayList<>(side.jvmArgsAppend());
        appended.addAll(forkOptions);
        if (!appended.isEmpty()) {
            command.add("-jvmArgsAppend");
            command.add(String.join(" ", appended));
        }
        command.addAll(List.of("-foe", "true", "-rf", "json", "-rff", json.toString()));
        Path output = Files.createTempFile(json.getParent(), "jmh-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Started(side, invocation, process, output, json);
    }

    /**
     * Waits for a started JMH to end and appends its output to {@code log}.
     *
     * @throws UsageException as {@link #run}
     */
    static void finish(Started started, Path log) throws IOException {
        int status = waitFor(started.process());
        String output = Files.readString(started.output());
        Files.delete(started.output());
        AbSide side = started.side();
        Files.writeString(log, "### " + side.label() + ": " + started.invocation().label() + "\n" + output,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (status != 0) {
            if (output.contains(NO_MATCH)) {
                Files.writeString(started.json(), "[]");
                return;
            }
            throw new UsageException(side.label() + ": JMH failed (exit " + status + ") on "
                    + started.invocation().label() + "; its output is in " + log);
        }
    }

    /** Waits for the process to end; an interrupted wait ends it. */
    static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The java running this command: both sides fork on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}

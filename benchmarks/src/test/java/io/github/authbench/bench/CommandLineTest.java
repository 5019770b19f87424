package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.bench.cli.AuthbenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake on the command line is one line on stderr and exit status 2, never a stack trace. */
class CommandLineTest {

    @Test
    void mistakesAreOneLineAndExitTwo() {
        assertOneLineError(new String[] {"run", "--profile", "bogus"}, "--profile must be one of [smoke, quick, ci, full]");
        assertOneLineError(new String[] {"run", "--store", "mongo"}, "--store must be one of [caffeine, redis]");
        assertOneLineError(new String[] {"run", "--nope"}, "Unknown option: '--nope'");
        assertOneLineError(new String[] {"run", "--", "-f", "notanumber"}, "notanumber");
        assertOneLineError(new String[] {}, "name a command: run");
        assertOneLineError(new String[] {"nosuch", "--help"}, "'nosuch' is not a command: name one of run, report, "
                + "compare, ab");
        assertOneLineError(new String[] {"nosuch"}, "'nosuch' is not a command");
        assertOneLineError(new String[] {"ab", "no-such-ref-anywhere", "HEAD"},
                "base no-such-ref-anywhere: not a git ref of");
        assertOneLineError(new String[] {"ab", "HEAD", "missing.jar"}, "candidate missing.jar: no such jar");
        assertOneLineError(new String[] {"ab", "HEAD", "HEAD", "--pairs", "1"}, "--pairs must be 2 or more");
        assertOneLineError(new String[] {"ab", "HEAD", "HEAD", "--pairs", "3", "--max-pairs", "2"},
                "--max-pairs must be at least --pairs (3), not 2");
        assertOneLineError(new String[] {"ab", "HEAD", "HEAD", "--budget", "0"}, "--budget takes whole minutes");
        assertOneLineError(new String[] {"ab", "HEAD", "HEAD", "--only", "nosuch"}, "--only nosuch matches no benchmark");
        assertOneLineError(new String[] {"run", "--profile", "ci", "--budget", "5"},
                "--budget and --target are for the quick and full profiles; ci keeps its fixed recipe");
        assertOneLineError(new String[] {"run", "--budget", "0"}, "--budget takes whole minutes, 1 or more, not 0");
        assertOneLineError(new String[] {"run", "--profile", "full", "--target", "0"},
                "--target takes a whole percentage from 1 to 99, not 0");
        assertOneLineError(new String[] {"run", "--target", "2.5"}, "--target");
    }

    @Test
    void aRefusedRunWritesNoRunDirectory(@TempDir Path temp) {
        Path runs = temp.resolve("runs");
        assertOneLineError(new String[] {"run", "--output", runs.toString(), "--target", "100"},
                "--target takes a whole percentage from 1 to 99, not 100");
        assertThat(runs).doesNotExist();
    }

    @Test
    void badRunDirectoriesAreOneLineAndExitTwo(@TempDir Path temp) throws IOException {
        Path missing = temp.resolve("missing");
        assertOneLineError(new String[] {"report", missing.toString()}, missing + ": no such run directory");
        assertOneLineError(new String[] {"report", "--runs", missing.toString()}, "no runs yet");
        Files.createDirectories(temp.resolve("empty"));
        assertOneLineError(new String[] {"compare", temp.resolve("empty").toString(), missing.toString()},
                "run.json: missing: not a complete authbench run directory");
        assertOneLineError(new String[] {"compare", "a"}, "Missing required parameter: 'CANDIDATE'");
        assertOneLineError(new String[] {"compare", "a", "b", "--format", "xml"}, "--format must be text, markdown or json");
        assertOneLineError(new String[] {"compare", "a", "b", "--threshold", "ten"}, "--threshold must be a percentage");
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnOptions() {
        assertHelp("run", "--profile", "--store", "--output", "--budget", "--target");
        assertHelp("report", "--runs");
        assertHelp("compare", "--threshold", "--format");
        assertHelp("ab", "--pairs", "--max-pairs", "--budget", "--only", "--threshold", "--profile");
    }

    private static void assertHelp(String command, String... options) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = AuthbenchCommand.execute(command, "--help");
        } finally {
            System.setOut(original);
        }
        assertThat(status).as("exit status of %s --help", command).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("Usage: authbench " + command).contains(options);
    }

    private static void assertOneLineError(String[] args, String expected) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = AuthbenchCommand.execute(args);
        } finally {
            System.setErr(original);
        }
        String error = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).as("exit status of %s", String.join(" ", args)).isEqualTo(2);
        assertThat(error).contains(expected).startsWith("authbench: ");
        assertThat(error.strip().lines()).as("one line").hasSize(1);
    }
}

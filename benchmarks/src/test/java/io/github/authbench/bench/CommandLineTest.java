package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.bench.cli.AuthbenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A user's mistake on the command line is one line on stderr and exit status 2, never a stack trace. */
class CommandLineTest {

    @Test
    void mistakesAreOneLineAndExitTwo() {
        assertOneLineError(new String[] {"run", "--profile", "bogus"}, "--profile must be one of [smoke, quick, full]");
        assertOneLineError(new String[] {"run", "--store", "mongo"}, "--store must be one of [caffeine, redis]");
        assertOneLineError(new String[] {"run", "--nope"}, "Unknown option: '--nope'");
        assertOneLineError(new String[] {"run", "--", "-f", "notanumber"}, "notanumber");
        assertOneLineError(new String[] {}, "name a command: run");
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

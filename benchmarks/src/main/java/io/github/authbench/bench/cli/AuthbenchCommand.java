package io.github.authbench.bench.cli;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./authbench} command. Mistakes on the command line are one line on stderr and exit status 2. */
@Command(name = "authbench", mixinStandardHelpOptions = true, subcommands = RunCommand.class,
        description = "Sessions or JWTs? Measured, not argued.")
public final class AuthbenchCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        CommandLine line = new CommandLine(new AuthbenchCommand());
        line.setParameterExceptionHandler((e, arguments) -> {
            System.err.println("authbench: " + e.getMessage());
            return 2;
        });
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException || e instanceof CommandLineOptionException) {
                System.err.println("authbench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: run");
    }
}

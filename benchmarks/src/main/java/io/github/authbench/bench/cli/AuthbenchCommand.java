package io.github.authbench.bench.cli;

import io.github.authbench.results.BadRunException;
import io.github.authbench.results.cli.CompareCommand;
import io.github.authbench.results.cli.ReportCommand;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./authbench} command. Mistakes on the command line and unreadable run directories are one line on stderr
 * and exit status 2 (compare's 1 means a regression). {@code --help} works on every command: the subcommands inherit it.
 */
@Command(name = "authbench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, AbCommand.class,
                HttpCommand.class, ServeCommand.class, ExactCommand.class},
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
            if (e instanceof UsageException || e instanceof CommandLineOptionException
                    || e instanceof BadRunException) {
                System.err.println("authbench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        // Picocli would print the top-level help and exit 0 for "authbench nosuch --help": a command that does not
        // exist must say so.
        if (args.length > 0 && !args[0].startsWith("-") && !line.getSubcommands().containsKey(args[0])) {
            System.err.println("authbench: '" + args[0] + "' is not a command: name one of "
                    + String.join(", ", line.getSubcommands().keySet().stream().filter(name -> !line.getSubcommands()
                            .get(name).getCommandSpec().usageMessage().hidden()).toList()) + " (./authbench --help)");
            return 2;
        }
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: run, report, compare, ab, http or serve");
    }
}

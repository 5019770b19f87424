package io.github.authbench.results.cli;

import io.github.authbench.results.CompareSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The gate's options, shared by {@code compare} and {@code ab}. */
public final class GateOptions {

    @Option(names = "--threshold", defaultValue = "5%",
            description = "a worsening whose interval excludes no change fails beyond this (default ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "one minus the intervals' confidence (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--allow-other-machine",
            description = "compare runs from different CPUs, core counts or JVMs (refused by default)")
    boolean allowOtherMachine;

    /** The settings these options give; a bad value is a usage error of {@code spec}'s command. */
    public CompareSettings settings(CommandSpec spec) {
        String number = threshold.endsWith("%") ? threshold.substring(0, threshold.length() - 1) : threshold;
        try {
            return new CompareSettings(alpha, Double.parseDouble(number), allowOtherMachine);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(),
                    "--threshold must be a percentage like 5%, not '" + threshold + "'");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

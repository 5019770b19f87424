package io.github.authbench.results.cli;

import io.github.authbench.results.CompareSettings;
import io.github.authbench.results.Comparison;
import io.github.authbench.results.ComparisonFormat;
import io.github.authbench.results.RunDirectory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./authbench compare BASELINE CANDIDATE}: the regression gate. Exit status 0 when nothing regressed, 1 when
 * something did, 2 on bad input (missing or broken files, runs of different settings or machines).
 */
@Command(name = "compare", description = "Compare two runs; exit 1 on a significant regression beyond the threshold.")
public final class CompareCommand implements Callable<Integer> {

    public static final int REGRESSED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "the run directory to compare against")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "the run directory under test")
    Path candidate;

    @Mixin
    GateOptions gate;

    @Option(names = "--format", defaultValue = "text", description = "text (default), markdown or json")
    String format;

    @Override
    public Integer call() {
        ComparisonFormat output = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> ComparisonFormat.TEXT;
            case "markdown", "md" -> ComparisonFormat.MARKDOWN;
            case "json" -> ComparisonFormat.JSON;
            default -> throw new ParameterException(spec.commandLine(),
                    "--format must be text, markdown or json, not '" + format + "'");
        };
        CompareSettings settings = gate.settings(spec);
        Comparison comparison = Comparison.of(RunDirectory.load(baseline), RunDirectory.load(candidate), settings);
        System.out.print(output.render(comparison));
        return comparison.regressed() ? REGRESSED : 0;
    }
}

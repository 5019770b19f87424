package io.github.authbench.results.cli;

import io.github.authbench.results.Report;
import io.github.authbench.results.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./authbench report [RUN_DIR]}: report.md (with charts/*.svg) and report.html inside the run directory. */
@Command(name = "report", description = "Write report.md and report.html for a run (the latest by default).")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "RUN_DIR", description = "a run directory; default: the newest in --runs")
    Path run;

    @Option(names = "--runs", defaultValue = "results/runs", description = "where to look for the newest run")
    Path runs;

    @Override
    public Integer call() {
        for (Path written : Report.write(RunDirectory.load(run != null ? run : RunDirectory.latest(runs)))) {
            System.out.println("report: " + written.toAbsolutePath());
        }
        return 0;
    }
}

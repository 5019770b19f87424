package io.github.authbench.results;

import io.github.authbench.results.ReportBlock.Chart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's report into its directory: report.md with charts/*.svg beside it, and a self-contained report.html. */
public final class Report {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private Report() {
    }

    /** Writes both files and returns their paths, Markdown first. */
    public static List<Path> write(RunDirectory run) {
        List<ReportBlock> blocks = ReportBuilder.build(run);
        Path charts = run.path().resolve(MarkdownRenderer.CHARTS);
        try {
            Files.createDirectories(charts);
            for (ReportBlock block : blocks) {
                if (block instanceof Chart chart) {
                    Files.writeString(charts.resolve(chart.fileName()), chart.svg());
                }
            }
            Path markdown = Files.writeString(run.path().resolve(MARKDOWN), MarkdownRenderer.render(blocks));
            Path html = Files.writeString(run.path().resolve(HTML), HtmlRenderer.render(blocks));
            return List.of(markdown, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + run.path(), e);
        }
    }
}

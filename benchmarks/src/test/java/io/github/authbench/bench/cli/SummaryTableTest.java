package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.RunFindings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The summary a run ends with, on the committed baseline run: every line fits 120 columns and nothing is lost. */
class SummaryTableTest {

    @Test
    void everyLineFits120ColumnsAndEveryStrategyIsThere() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunDirectory baseline = RunDirectory.load(Path.of("..", "results", "baseline"));
        new SummaryTable(new RunFindings(baseline)).print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "CAFFEINE");
        String summary = bytes.toString(StandardCharsets.UTF_8);

        assertThat(summary.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(summary).contains("authenticate", "reject forged", "revoke A->B", "other node", "jwt-denylist",
                "access-refresh", "p50 ");
        // each strategy has a row in each of the three tables
        assertThat(summary.lines().filter(line -> line.startsWith("sliding-session "))).hasSize(3);
    }
}

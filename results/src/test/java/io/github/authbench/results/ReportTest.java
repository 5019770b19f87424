package io.github.authbench.results;

import static io.github.authbench.results.RunFixture.around;
import static io.github.authbench.results.RunFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest {

    @TempDir
    Path temp;

    private RunDirectory run() {
        return RunDirectory.load(new RunFixture()
                .exact(measurement("session", 43, 0))
                .exact(measurement("stateless-jwt", 611, 930_000))
                .exact(measurement("jwt-denylist", 611, 0))
                .timed("AuthenticateBenchmark.authenticate", "session", "ns/op", around(300, 0.05, 16, 1))
                .timed("AuthenticateBenchmark.authenticate", "stateless-jwt", "ns/op", around(30_000, 0.05, 16, 2))
                .timed("LoginBenchmark.login", "session", "ns/op", around(55_000, 0.05, 16, 3))
                .timed("FloorBenchmark.caffeineGetWithIdCheck", null, "ns/op", around(400, 0.05, 16, 4))
                .write(temp.resolve("run")));
    }

    @Test
    void thePrecisionSectionCountsTheScoresPerStatusAndSaysWhyEachImpreciseOneIs() throws Exception {
        double[] drifting = java.util.stream.IntStream.range(0, 16).mapToDouble(i -> 20_000 + 1_000 * i).toArray();
        RunDirectory run = RunDirectory.load(new RunFixture().forks(1)
                .exact(measurement("session", 43, 0))
                .exact(measurement("stateless-jwt", 611, 930_000))
                .precision(0.10, 0)
                .timed("AuthenticateBenchmark.authenticate", "session", "ns/op", around(300, 0.05, 16, 1))
                .precision(0.10, 1)
                .timed("LoginBenchmark.login", "session", "ns/op", around(55_000, 0.05, 16, 3))
                .precision(0.01, 2)
                .timed("AuthenticateBenchmark.authenticate", "stateless-jwt", "ns/op", drifting)
                .write(temp.resolve("run")));

        String markdown = Files.readString(Report.write(run).get(0));

        assertThat(markdown).contains("## Precision").contains("2 of 3 within it: 1 after the first pass, 1 after more "
                + "forks (3 forks added), 1 still imprecise");
        assertThat(markdown).containsPattern("AuthenticateBenchmark.authenticate[^|]*stateless-jwt[^|]*\\| ±[0-9.]+% "
                + "\\| 1 \\| warm-up drift");
        assertThat(markdown).contains("| refined, +1 fork(s) |").contains("| met |")
                .contains("| imprecise: warm-up drift |");
    }

    @Test
    void writesMarkdownWithItsChartsAndASelfContainedHtmlPage() throws Exception {
        List<Path> written = Report.write(run());
        assertThat(written).containsExactly(temp.resolve("run/report.md"), temp.resolve("run/report.html"));

        String markdown = Files.readString(written.get(0));
        Matcher charts = Pattern.compile("!\\[[^]]*]\\((charts/[^)]+\\.svg)\\)").matcher(markdown);
        int count = 0;
        while (charts.find()) {
            assertThat(temp.resolve("run").resolve(charts.group(1))).isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(3);

        String html = Files.readString(written.get(1));
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("@import").doesNotContain("url(");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document page = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(count);
        assertThat(page.getElementsByTagName("table").getLength()).isGreaterThanOrEqualTo(3);
    }

    /** Every number shows its error or says it is exact: the headline's authenticate cell and the ratio to the floor. */
    @Test
    void headlineShowsErrorsFloorsAndExactValues() throws Exception {
        String markdown = Files.readString(Report.write(run()).get(0));
        String sessionRow = markdown.lines().filter(line -> line.startsWith("| session | HS256")).findFirst().orElseThrow();
        assertThat(sessionRow).matches(".*\\| [0-9.]+ ns ±[0-9.]+% \\|.*").contains("| 65 B |").contains("0 ms / 0 ms");
        assertThat(markdown).contains("Authorization header (exact)");
        assertThat(sessionRow).matches(".*\\| 0\\.[0-9]+x \\|.*");
    }

    /** The claims are computed: change the numbers and the sentence changes with them. */
    @Test
    void claimsFollowTheData() throws Exception {
        String markdown = Files.readString(Report.write(run()).get(0));
        assertThat(markdown).contains("\"JWTs are more efficient than sessions\": checking a session costs")
                .contains("the session is ").contains("633 bytes").doesNotContain("indistinguishable")
                .contains("\"JWTs can't be revoked\"");
        assertThat(markdown).contains("a logged-out stateless JWT kept working for 15 min 30 s");
    }
}

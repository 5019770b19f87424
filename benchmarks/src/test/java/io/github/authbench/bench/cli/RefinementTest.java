package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.BenchmarkResult;
import io.github.authbench.results.JmhJson;
import io.github.authbench.results.PrecisionTarget;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The refinement loop measures again exactly the timed scores over the target, and merging the new forks keeps every
 * fork's raw data and gives the score and error JMH would have given for all the forks at once.
 */
class RefinementTest {

    /** A JMH entry at HS256, its score and 99.9% error from every fork's iterations, as JMH computes them. */
    static ObjectNode entry(String benchmark, String strategy, String mode, double[]... forks)
            throws IOException {
        ArrayNode raw = RunDirectory.JSON.createArrayNode();
        ListStatistics statistics = new ListStatistics();
        for (double[] fork : forks) {
            ArrayNode samples = raw.addArray();
            for (double sample : fork) {
                samples.add(sample);
                statistics.addValue(sample);
            }
        }
        ObjectNode entry = (ObjectNode) RunDirectory.JSON.readTree("{\"jmhVersion\":\"1.37\",\"benchmark\":"
                + "\"io.github.authbench.bench." + benchmark + "\",\"mode\":\"" + mode + "\",\"threads\":1,\"forks\":"
                + forks.length + ",\"params\":{\"algorithm\":\"HS256\",\"strategy\":\"" + strategy + "\"},"
                + "\"primaryMetric\":{\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{}}");
        ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
        metric.put("score", statistics.getMean());
        metric.put("scoreError", statistics.getMeanErrorAt(0.999));
        metric.set("rawData", raw);
        return entry;
    }

    @Test
    void picksExactlyTheTimedScoresOverTheTargetNearestFirst() throws IOException {
        ArrayNode run = RunDirectory.JSON.createArrayNode();
        run.add(entry("AuthenticateBenchmark.authenticate", "session", "avgt", new double[] {100, 101, 99, 100, 100}));
        run.add(entry("AuthenticateBenchmark.authenticate", "stateless-jwt", "avgt",
                new double[] {10_000, 13_000, 9_000, 12_000, 10_500}));
        run.add(entry("LoginBenchmark.login", "session", "avgt", new double[] {3_000, 3_900, 2_900, 3_600, 3_100}));
        run.add(entry("LogoutBenchmark.logout", "session", "ss", new double[] {30, 90, 31, 400, 35}));

        List<ObjectNode> over = Refinement.overTarget(run, 0.10);

        assertThat(over).extracting(e -> e.path("benchmark").asText() + " " + e.path("params").path("strategy").asText())
                .containsExactly("io.github.authbench.bench.LoginBenchmark.login session",
                        "io.github.authbench.bench.AuthenticateBenchmark.authenticate stateless-jwt");
        assertThat(Refinement.relativeError(over.get(0))).isLessThan(Refinement.relativeError(over.get(1)));
        assertThat(Refinement.overTarget(run, 1.0)).isEmpty();
    }

    @Test
    void theInvocationMeasuresExactlyThatBenchmarkWithExactlyItsParameters() throws IOException {
        Invocation again = Refinement.of(entry("AuthenticateBenchmark.authenticate", "stateless-jwt", "avgt",
                new double[] {1, 2}));

        assertThat(again.includes()).hasSize(1);
        Pattern include = Pattern.compile(again.includes().get(0));
        assertThat(include.matcher("io.github.authbench.bench.AuthenticateBenchmark.authenticate").find()).isTrue();
        assertThat(include.matcher("io.github.authbench.bench.AuthenticateBenchmark.authenticateX").find()).isFalse();
        assertThat(include.matcher("io.github.authbench.bench.AuthenticateBenchmarkXauthenticate").find()).isFalse();
        assertThat(again.parameters()).containsEntry("algorithm", List.of("HS256"))
                .containsEntry("strategy", List.of("stateless-jwt")).hasSize(2);
    }

    @Test
    void aRunOnSeveralJdksMeasuresAgainOnTheEntrysJdkWithoutPassingItToJmh() throws IOException {
        ObjectNode entry = entry("AuthenticateBenchmark.authenticate", "session", "avgt", new double[] {1, 2});
        entry.withObject("params").put(Refinement.JDK, "25");

        Invocation again = Refinement.of(entry);

        assertThat(again.parameters()).doesNotContainKey(Refinement.JDK).hasSize(2);
        assertThat(again.label()).endsWith("on JDK 25");
    }

    @Test
    void mergedForksKeepEveryForksRawDataAndJmhsStatistics() throws IOException {
        ObjectNode first = entry("AuthenticateBenchmark.authenticate", "session", "avgt", new double[] {100, 104, 96});
        JsonNode later = entry("AuthenticateBenchmark.authenticate", "session", "avgt", new double[] {110, 112, 108},
                new double[] {101, 99, 100});

        ForkMerge.merge(first, later);

        JsonNode metric = first.get("primaryMetric");
        assertThat(first.path("forks").asInt()).isEqualTo(3);
        assertThat(metric.path("rawData")).hasSize(3);
        assertThat(metric.path("rawData").get(0).get(1).asDouble()).isEqualTo(104);
        assertThat(metric.path("rawData").get(2).get(2).asDouble()).isEqualTo(100);
        // what JMH itself computes from all nine iterations at once
        ListStatistics jmh = new ListStatistics(new double[] {100, 104, 96, 110, 112, 108, 101, 99, 100});
        assertThat(metric.path("score").asDouble()).isCloseTo(jmh.getMean(), within(1e-9));
        assertThat(metric.path("scoreError").asDouble()).isCloseTo(jmh.getMeanErrorAt(0.999), within(1e-9));
        assertThat(metric.path("scoreConfidence").get(0).asDouble()).isCloseTo(jmh.getConfidenceIntervalAt(0.999)[0],
                within(1e-9));
        assertThat(metric.path("scorePercentiles").path("50.0").asDouble()).isCloseTo(jmh.getPercentile(50),
                within(1e-9));
        assertThat(metric.path("scorePercentiles").path("100.0").asDouble()).isEqualTo(112);
        assertThat(metric.path("scorePercentiles").path("0.0").asDouble()).isEqualTo(96);
    }

    /** A sample-mode entry: each fork one iteration of (value, count) pairs, as JMH writes shots. */
    private static ObjectNode shotEntry(double[][]... forks) throws IOException {
        ObjectNode entry = entry("LogoutBenchmark.logout", "session", "sample");
        ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
        metric.remove("rawData");
        ArrayNode histogram = metric.putArray("rawDataHistogram");
        for (double[][] fork : forks) {
            ArrayNode iteration = histogram.addArray().addArray();
            for (double[] pair : fork) {
                iteration.addArray().add(pair[0]).add((int) pair[1]);
            }
        }
        entry.put("forks", forks.length);
        return entry;
    }

    @Test
    void mergedShotForksKeepEveryForksHistogramAndJmhsStatisticsOverEveryCall() throws IOException {
        ObjectNode first = shotEntry(new double[][] {{10, 3}, {12, 1}});
        JsonNode later = shotEntry(new double[][] {{11, 2}, {40, 1}});

        ForkMerge.merge(first, later);

        JsonNode metric = first.get("primaryMetric");
        assertThat(first.path("forks").asInt()).isEqualTo(2);
        assertThat(metric.has("rawData")).isFalse();
        assertThat(metric.path("rawDataHistogram")).hasSize(2);
        assertThat(metric.path("rawDataHistogram").get(1).get(0).get(1).get(0).asDouble()).isEqualTo(40);
        // what JMH computes from the seven calls at once
        ListStatistics jmh = new ListStatistics(new double[] {10, 10, 10, 12, 11, 11, 40});
        assertThat(metric.path("score").asDouble()).isCloseTo(jmh.getMean(), within(1e-9));
        assertThat(metric.path("scorePercentiles").path("50.0").asDouble()).isEqualTo(11);
        assertThat(metric.path("scorePercentiles").path("100.0").asDouble()).isEqualTo(40);
    }

    @Test
    void theReportReadsWhetherEachScoreMetTheTargetWasRefinedIntoItOrIsStillImprecise(@TempDir Path directory)
            throws IOException {
        ArrayNode run = RunDirectory.JSON.createArrayNode();
        run.add(entry("A.a", "session", "avgt", new double[] {100, 101, 99, 100}));
        run.add(entry("A.a", "stateful-jwt", "avgt", new double[] {100, 101, 99, 100}, new double[] {100, 102, 98, 100}));
        run.add(entry("A.a", "stateless-jwt", "avgt", new double[] {100, 150, 60, 120}));
        Refinement.record((ObjectNode) run.get(0), 0, 0.10);
        Refinement.record((ObjectNode) run.get(1), 1, 0.10);
        Refinement.record((ObjectNode) run.get(2), 2, 0.10);
        Path file = directory.resolve("jmh-timed.json");
        RunDirectory.JSON.writeValue(file.toFile(), run);

        List<BenchmarkResult> read = JmhJson.read(file);

        assertThat(read).extracting(result -> result.precisionStatus().orElseThrow()).containsExactly(
                PrecisionTarget.Status.MET, PrecisionTarget.Status.REFINED, PrecisionTarget.Status.IMPRECISE);
        assertThat(read.get(2).precision().addedForks()).isEqualTo(2);
        assertThat(read.get(2).imprecision()).isPresent();
        assertThat(read.get(0).imprecision()).isEmpty();
    }
}

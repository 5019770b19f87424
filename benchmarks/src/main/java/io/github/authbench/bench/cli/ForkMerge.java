package io.github.authbench.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.JmhJson;
import java.util.Iterator;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Adds the forks of a later JMH invocation of one benchmark to its entry in a run's JMH result file, as if JMH had run
 * them all at once: every fork's raw iterations are kept, in order, and the score, its 99.9% error and confidence
 * interval and the percentiles are computed again from all of them with JMH's own statistics ({@code ListStatistics}:
 * the mean of the iterations, a two-sided Student t interval; for sample mode's histograms {@code MultisetStatistics},
 * over every sampled call, as JMH's sample mode computes them). Secondary metrics with raw data (e.g. {@code gc.alloc.rate.norm}) are
 * merged the same way, and so are the iterations {@link SteadyState} moved to warm-up. The entry stays JMH's format, so the usual tools still read it.
 */
final class ForkMerge {

    /** The percentiles JMH writes for every metric. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};
    private static final double CONFIDENCE = 0.999;
    private static final String RAW = "rawData";
    private static final String HISTOGRAM = "rawDataHistogram";

    private ForkMerge() {
    }

    /** Appends {@code extra}'s forks to {@code entry} (both JMH entries of the same benchmark and parameters). */
    static void merge(ObjectNode entry, JsonNode extra) {
        if (!entry.path("benchmark").equals(extra.path("benchmark")) || !entry.path("params").equals(extra.path("params"))
                || !entry.path("mode").equals(extra.path("mode"))) {
            throw new IllegalArgumentException("not the same benchmark: " + entry.path("benchmark") + " "
                    + entry.path("params") + " and " + extra.path("benchmark") + " " + extra.path("params"));
        }
        entry.put("forks", entry.path("forks").asInt() + extra.path("forks").asInt());
        JsonNode extraWarmup = extra.path(JmhJson.PRECISION_FIELD).path("warmup");
        if (extraWarmup.isArray()) {
            ArrayNode warmup = entry.withObject(JmhJson.PRECISION_FIELD).withArray("warmup");
            extraWarmup.forEach(fork -> warmup.add(fork.deepCopy()));
        }
        mergeMetric((ObjectNode) entry.get("primaryMetric"), extra.path("primaryMetric"));
        Iterator<Map.Entry<String, JsonNode>> secondary = entry.path("secondaryMetrics").fields();
        while (secondary.hasNext()) {
            Map.Entry<String, JsonNode> metric = secondary.next();
            JsonNode other = extra.path("secondaryMetrics").path(metric.getKey());
            if (rawField(other) != null && rawField(other).equals(rawField(metric.getValue()))) {
                mergeMetric((ObjectNode) metric.getValue(), other);
            }
        }
    }

    private static void mergeMetric(ObjectNode metric, JsonNode extra) {
        String field = rawField(metric);
        if (field == null || !field.equals(rawField(extra))) {
            throw new IllegalArgumentException("no raw data of the same kind to merge: " + metric.fieldNames()
                    + " and " + extra.fieldNames());
        }
        ArrayNode raw = (ArrayNode) metric.get(field);
        extra.path(field).forEach(fork -> raw.add(fork.deepCopy()));
        recompute(metric);
    }

    /** Where a metric keeps its raw data: per-iteration scores, or sample mode's per-iteration histograms. */
    private static String rawField(JsonNode metric) {
        return metric.has(RAW) ? RAW : metric.has(HISTOGRAM) ? HISTOGRAM : null;
    }

    /** The metric's score, error, confidence interval and percentiles from its raw data, as JMH computes them. */
    static void recompute(ObjectNode metric) {
        Statistics statistics;
        if (metric.has(HISTOGRAM)) {
            MultisetStatistics calls = new MultisetStatistics();
            metric.path(HISTOGRAM).forEach(fork -> fork.forEach(iteration -> iteration.forEach(
                    pair -> calls.addValue(pair.path(0).asDouble(), pair.path(1).asInt()))));
            statistics = calls;
        } else {
            ListStatistics iterations = new ListStatistics();
            metric.path(RAW).forEach(fork -> fork.forEach(sample -> iterations.addValue(sample.asDouble())));
            statistics = iterations;
        }
        metric.put("score", statistics.getMean());
        metric.put("scoreError", statistics.getMeanErrorAt(CONFIDENCE));
        double[] interval = statistics.getConfidenceIntervalAt(CONFIDENCE);
        ArrayNode confidence = metric.putArray("scoreConfidence");
        confidence.add(interval[0]);
        confidence.add(interval[1]);
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (double p : PERCENTILES) {
            percentiles.put(Double.toString(p), statistics.getPercentile(p));
        }
    }
}

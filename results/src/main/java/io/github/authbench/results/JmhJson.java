package io.github.authbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads JMH's own JSON result format ({@code -rf json}), as written by JMH 1.x. Only the fields a report or a comparison
 * uses are read; anything malformed is a {@link BadRunException} naming the file and the entry.
 */
public final class JmhJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field where {@code ./authbench run} adds a score's {@link PrecisionTarget} to JMH's entry. */
    public static final String PRECISION_FIELD = "authbench";
    /**
     * The most calls one fork of sample mode may hold: JMH keeps about 20 samples per measured millisecond, so this is
     * over 100 s of sampling, and a file claiming more is refused rather than expanded into memory.
     */
    private static final long MAX_SAMPLES_PER_FORK = 2_000_000;

    private JmhJson() {
    }

    public static List<BenchmarkResult> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new BadRunException(file, "not valid JSON (truncated?) at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new BadRunException(file, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new BadRunException(file, "not a JMH result file: expected a JSON array of benchmarks");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            results.add(result(file, entry));
        }
        return results;
    }

    private static BenchmarkResult result(Path file, JsonNode entry) {
        String benchmark = text(file, entry, "benchmark", "a benchmark");
        String where = "benchmark " + benchmark;
        SortedMap<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entry.path("params").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> param = fields.next();
            params.put(param.getKey(), param.getValue().asText());
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> metrics = entry.path("secondaryMetrics").fields();
        while (metrics.hasNext()) {
            Map.Entry<String, JsonNode> metric = metrics.next();
            secondary.put(metric.getKey(), metric(file, metric.getValue(), where + ", metric " + metric.getKey()));
        }
        JsonNode note = entry.path(PRECISION_FIELD);
        int cut = 0;
        for (JsonNode fork : note.path("warmup")) {
            cut += fork.size();
        }
        PrecisionTarget precision = note.has("target")
                ? new PrecisionTarget(note.path("target").asDouble(), note.path("addedForks").asInt(), cut) : null;
        return new BenchmarkResult(benchmark, text(file, entry, "mode", where), entry.path("threads").asInt(1),
                params, metric(file, entry.path("primaryMetric"), where), secondary, precision);
    }

    private static Metric metric(Path file, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadRunException(file, where + " has no primaryMetric");
        }
        double score = number(node.path("score"));
        if (!Double.isFinite(score)) {
            throw new BadRunException(file, where + " has score " + node.path("score").asText()
                    + ": the benchmark failed or measured nothing");
        }
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            double[] samples = new double[fork.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = sample(file, fork.get(i), where);
            }
            forks.add(samples);
        }
        for (JsonNode fork : node.path("rawDataHistogram")) {
            forks.add(histogramSamples(file, fork, where));
        }
        return new Metric(score, number(node.path("scoreError")), text(file, node, "scoreUnit", where), forks);
    }

    /**
     * One fork of sample mode's histogram (per iteration, pairs of a sampled time and how many calls took it) as its
     * calls, in value order within each iteration.
     */
    private static double[] histogramSamples(Path file, JsonNode fork, String where) {
        List<double[]> runs = new ArrayList<>();
        long calls = 0;
        for (JsonNode iteration : fork) {
            for (JsonNode pair : iteration) {
                long count = pair.path(1).asLong(-1);
                if (!pair.isArray() || pair.size() != 2 || count < 0 || calls + count > MAX_SAMPLES_PER_FORK) {
                    throw new BadRunException(file, where + " has a histogram entry of " + pair);
                }
                runs.add(new double[] {sample(file, pair.get(0), where), count});
                calls += count;
            }
        }
        double[] samples = new double[(int) calls];
        int next = 0;
        for (double[] run : runs) {
            for (long i = 0; i < (long) run[1]; i++) {
                samples[next++] = run[0];
            }
        }
        return samples;
    }

    private static double sample(Path file, JsonNode value, String where) {
        double sample = number(value);
        if (!Double.isFinite(sample)) {
            throw new BadRunException(file, where + " has a sample of " + value.asText());
        }
        return sample;
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRunException(file, where + " has no " + field);
        }
        return value.asText();
    }
}

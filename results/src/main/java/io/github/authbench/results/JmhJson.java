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
                samples[i] = number(fork.get(i));
                if (!Double.isFinite(samples[i])) {
                    throw new BadRunException(file, where + " has a sample of " + fork.get(i).asText());
                }
            }
            forks.add(samples);
        }
        return new Metric(score, number(node.path("scoreError")), text(file, node, "scoreUnit", where), forks);
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

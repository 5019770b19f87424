package io.github.authbench.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.JmhJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the refinement loop measures again: the timed scores (average time and throughput; shots are reported as
 * percentiles) whose 99.9% error is over the profile's target share of the score, each as the JMH invocation that
 * measures exactly that benchmark with exactly its parameters.
 */
final class Refinement {

    /** The parameter a run on several JDKs adds to each entry; not one of JMH's. */
    static final String JDK = "jdk";

    private Refinement() {
    }

    static boolean timed(JsonNode entry) {
        String mode = entry.path("mode").asText();
        return mode.equals("avgt") || mode.equals("thrpt");
    }

    /**
     * The timed entries over {@code target} (a share: 0.10 for 10%), nearest the target first: with a budget that
     * cannot refine everything, a score at 11% meets the target with one more fork, one at 30% would need about ten,
     * so the near ones go first. A score without an error counts as over.
     */
    static List<ObjectNode> overTarget(JsonNode entries, double target) {
        List<ObjectNode> over = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (timed(entry) && !(relativeError(entry) <= target)) {
                over.add((ObjectNode) entry);
            }
        }
        over.sort(Comparator.comparingDouble(entry -> {
            double error = relativeError(entry);
            return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
        }));
        return over;
    }

    /** The score's 99.9% error as a share of the score; NaN when JMH could not give one. */
    static double relativeError(JsonNode entry) {
        JsonNode metric = entry.path("primaryMetric");
        return Math.abs(metric.path("scoreError").asDouble(Double.NaN) / metric.path("score").asDouble(Double.NaN));
    }

    /** The invocation that measures exactly this entry's benchmark with exactly its JMH parameters. */
    static Invocation of(JsonNode entry) {
        String benchmark = entry.path("benchmark").asText();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<String> label = new ArrayList<>(List.of(
                benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)));
        entry.path("params").fields().forEachRemaining(p -> {
            if (p.getKey().equals(JDK)) {
                label.add("on JDK " + p.getValue().asText());
            } else {
                parameters.put(p.getKey(), List.of(p.getValue().asText()));
                label.add(p.getValue().asText());
            }
        });
        return new Invocation(String.join(" ", label), List.of("^" + benchmark.replace(".", "\\.") + "$"),
                parameters);
    }

    /**
     * Records the target and the forks refinement added to reach it, in a field JMH's readers ignore and
     * {@link JmhJson} reads.
     */
    static void record(ObjectNode entry, int addedForks, double target) {
        ObjectNode note = entry.withObject(JmhJson.PRECISION_FIELD);
        note.put("target", target);
        note.put("addedForks", addedForks);
    }
}

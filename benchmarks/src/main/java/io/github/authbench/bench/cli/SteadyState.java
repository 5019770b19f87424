package io.github.authbench.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.JmhJson;
import java.util.Iterator;
import java.util.Map;

/**
 * Warm-up that ends when the score is steady. JMH warms up for a fixed count of iterations; how many a benchmark needs
 * depends on the benchmark and the host (measured here: the 2-thread throughputs still doubled between the first and
 * the second half of their measured iterations after 1.5 s of warmup, most others were flat). So the profiles warm up
 * briefly, and each fork's measured iterations are then cut where the score becomes steady, by the MSER rule of
 * simulation output analysis (White, 1997): the cut {@code d} minimises the squared standard error of the mean of the
 * iterations left, {@code sum((x_i - mean_d)^2) / (n - d)^2}, which drops a prefix only when it is off the rest by
 * more than its share of the noise. The cut is at most half the iterations. The iterations cut are not lost: they
 * stay in the entry, under {@code "authbench": {"warmup": [[...], ...]}}, one list per fork, and the score and error
 * are recomputed from the rest with JMH's statistics. Secondary metrics measured per iteration are cut alike.
 */
final class SteadyState {

    private SteadyState() {
    }

    /** Cuts every fork of a timed entry where its score becomes steady; returns the iterations cut, in all forks. */
    static int cut(ObjectNode entry) {
        ArrayNode raw = (ArrayNode) entry.path("primaryMetric").path("rawData");
        ArrayNode warmup = entry.withObject(JmhJson.PRECISION_FIELD).withArray("warmup");
        int cutTotal = 0;
        for (int f = 0; f < raw.size(); f++) {
            ArrayNode fork = (ArrayNode) raw.get(f);
            int d = steadyFrom(values(fork));
            ArrayNode cut = warmup.addArray();
            for (int i = 0; i < d; i++) {
                cut.add(fork.remove(0));
            }
            cutSecondary(entry, f, d, fork.size() + d);
            cutTotal += d;
        }
        ForkMerge.recompute((ObjectNode) entry.get("primaryMetric"));
        return cutTotal;
    }

    /** The MSER cut of one fork's iterations: the first iteration of the steady part. */
    static int steadyFrom(double[] x) {
        int n = x.length;
        double best = Double.POSITIVE_INFINITY;
        int bestCut = 0;
        for (int d = 0; d <= n / 2 && n - d >= 2; d++) {
            double mean = 0;
            for (int i = d; i < n; i++) {
                mean += x[i];
            }
            mean /= n - d;
            double squares = 0;
            for (int i = d; i < n; i++) {
                squares += (x[i] - mean) * (x[i] - mean);
            }
            double statistic = squares / ((double) (n - d) * (n - d));
            if (statistic < best) {
                best = statistic;
                bestCut = d;
            }
        }
        return bestCut;
    }

    private static void cutSecondary(ObjectNode entry, int fork, int d, int iterations) {
        Iterator<Map.Entry<String, JsonNode>> metrics = entry.path("secondaryMetrics").fields();
        while (metrics.hasNext()) {
            ObjectNode metric = (ObjectNode) metrics.next().getValue();
            JsonNode raw = metric.path("rawData").path(fork);
            if (d > 0 && raw.isArray() && raw.size() == iterations) {
                for (int i = 0; i < d; i++) {
                    ((ArrayNode) raw).remove(0);
                }
                ForkMerge.recompute(metric);
            }
        }
    }

    private static double[] values(JsonNode fork) {
        double[] values = new double[fork.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fork.get(i).asDouble();
        }
        return values;
    }
}

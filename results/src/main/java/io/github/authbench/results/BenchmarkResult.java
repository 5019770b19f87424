package io.github.authbench.results;

import java.util.Map;
import java.util.SortedMap;

/**
 * One entry of JMH's JSON output: a benchmark method in one mode, thread count and parameter combination, with its
 * primary metric and the secondary ones (e.g. {@code gc.alloc.rate.norm} when run with {@code -prof gc}).
 */
public record BenchmarkResult(String benchmark, String mode, int threads, SortedMap<String, String> params,
        Metric primary, Map<String, Metric> secondary) {

    /** {@code AuthenticateBenchmark.authenticate}: the class and method without the package. */
    public String name() {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    /** JMH's single-shot mode: each sample is one call. */
    public boolean singleShot() {
        return mode.equals("ss");
    }

    public String param(String name) {
        return params.get(name);
    }

    /**
     * What makes this result the same benchmark in another run, and its name in a table: method, parameter values (in
     * the order of their names: algorithm, payload, population, store, strategy), mode and threads.
     */
    public String key() {
        String values = String.join(" ", params.values());
        return name() + (values.isEmpty() ? "" : " " + values) + " [" + mode
                + (threads == 1 ? "]" : ", " + threads + " threads]");
    }
}

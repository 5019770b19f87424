package io.github.authbench.results;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One entry of JMH's JSON output: a benchmark method in one mode, thread count and parameter combination, with its
 * primary metric and the secondary ones (e.g. {@code gc.alloc.rate.norm} when run with {@code -prof gc}).
 *
 * @param precision the run's precision target and the forks added to meet it; null for a run without a target (the
 *     smoke and ci profiles, single shots, runs before refinement existed)
 */
public record BenchmarkResult(String benchmark, String mode, int threads, SortedMap<String, String> params,
        Metric primary, Map<String, Metric> secondary, PrecisionTarget precision) {

    /** JMH's secondary metric of collections per iteration, with {@code -prof gc}. */
    public static final String GC_COUNT = "gc.count";

    /** {@code AuthenticateBenchmark.authenticate}: the class and method without the package. */
    public String name() {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    /**
     * A shot: each sample is one call timed alone (JMH's sample mode, or its single-shot mode in runs made before
     * authbench used sample mode), so the score is a distribution read as percentiles.
     */
    public boolean singleShot() {
        return mode.equals("sample") || mode.equals("ss");
    }

    /** Whether the score met its target, was refined into it, or is still imprecise; empty without a target. */
    public Optional<PrecisionTarget.Status> precisionStatus() {
        return Optional.ofNullable(precision).map(target -> target.status(primary));
    }

    /** Why the score is over its target; empty when it is not, or without a target. */
    public Optional<Imprecision> imprecision() {
        return precision == null ? Optional.empty()
                : Imprecision.of(primary, precision.target(), secondary.get(GC_COUNT));
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

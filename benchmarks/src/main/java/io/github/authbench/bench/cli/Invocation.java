package io.github.authbench.bench.cli;

import java.util.List;
import java.util.Map;

/**
 * One JMH invocation of a run: what it is (for the progress line), the benchmarks it includes (JMH include patterns)
 * and the parameter values it sets.
 */
record Invocation(String label, List<String> includes, Map<String, List<String>> parameters) {

    /**
     * The JMH include pattern of a benchmark class ({@code Class}: every method) or of one method
     * ({@code Class.method}) of the suite's package.
     */
    static String pattern(String benchmark) {
        String quoted = "io\\.github\\.authbench\\.bench\\." + benchmark.replace(".", "\\.");
        return benchmark.contains(".") ? quoted + "$" : quoted + "\\.";
    }
}

package io.github.authbench.bench.cli;

import java.util.List;
import java.util.Map;

/**
 * One JMH invocation of a run: what it is (for the progress line), the benchmarks it includes (JMH include patterns)
 * and the parameter values it sets.
 */
record Invocation(String label, List<String> includes, Map<String, List<String>> parameters) {

    /** The JMH include pattern of one benchmark method, {@code Class.method}, of the suite's package. */
    static String method(String classAndMethod) {
        return "io\\.github\\.authbench\\.bench\\." + classAndMethod.replace(".", "\\.") + "$";
    }
}

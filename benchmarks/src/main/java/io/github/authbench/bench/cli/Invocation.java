package io.github.authbench.bench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

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

    /** A benchmark's class and method, without the package: {@code AuthenticateBenchmark.authenticate}. */
    static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    /**
     * This invocation as JMH runs it: one invocation per benchmark it includes and per combination of the parameters
     * that benchmark has (the invocation's values where it sets them, else the benchmark's own), each one fork's work.
     */
    List<Invocation> perBenchmark() {
        List<Invocation> single = new ArrayList<>();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkListEntry benchmark : BenchmarkList.defaultList().find(silent, includes, List.of())) {
            Map<String, String[]> declared = benchmark.getParams().hasValue() ? benchmark.getParams().get() : Map.of();
            List<Map<String, List<String>>> combinations = List.of(new LinkedHashMap<>());
            for (Map.Entry<String, String[]> parameter : new TreeMap<>(declared).entrySet()) {
                // the invocation's values where it sets the parameter, else the benchmark's own (its @Param values)
                List<String> values = parameters.getOrDefault(parameter.getKey(),
                        List.of(parameter.getValue()));
                List<Map<String, List<String>>> more = new ArrayList<>();
                for (Map<String, List<String>> combination : combinations) {
                    for (String value : values) {
                        Map<String, List<String>> with = new LinkedHashMap<>(combination);
                        with.put(parameter.getKey(), List.of(value));
                        more.add(with);
                    }
                }
                combinations = more;
            }
            String name = benchmark.getUsername();
            for (Map<String, List<String>> combination : combinations) {
                String label = shortName(name) + (combination.containsKey("strategy")
                        ? " " + combination.get("strategy").get(0) : "");
                single.add(new Invocation(label, List.of("^" + name.replace(".", "\\.") + "$"), combination));
            }
        }
        return single;
    }
}

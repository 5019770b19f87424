package io.github.authbench.bench.cli;

import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * The JMH invocations of the library axis: for every JWT library but the default, the profile's benchmarks on the JWT
 * strategies each applies to, at the profile's algorithms the library supports (java-jwt has no EdDSA: that pair is
 * left out, not measured as something else), with the library's verify floor beside them.
 */
final class LibraryAxisPlan {

    static final String LIBRARY_FLOOR = "FloorBenchmark.libraryVerify";

    private LibraryAxisPlan() {
    }

    /** The invocations, given the run's own parameters (algorithm, payload, store, population). */
    static List<Invocation> plan(Profile.Libraries libraries, Map<String, List<String>> run) {
        List<Invocation> invocations = new ArrayList<>();
        if (libraries.benchmarks().isEmpty()) {
            return invocations;
        }
        for (JwtLibrary library : JwtLibrary.values()) {
            if (library == JwtLibrary.JJWT) {
                continue;
            }
            List<String> algorithms = run.get("algorithm").stream().filter(library::supports).toList();
            if (algorithms.isEmpty()) {
                continue;
            }
            Map<List<String>, List<String>> benchmarksByStrategies = new LinkedHashMap<>();
            for (String benchmark : libraries.benchmarks()) {
                List<String> strategies = jwtStrategiesOf(benchmark).stream()
                        .filter(id -> libraries.strategies().isEmpty() || libraries.strategies().contains(id))
                        .toList();
                if (!strategies.isEmpty()) {
                    benchmarksByStrategies.computeIfAbsent(strategies, s -> new ArrayList<>()).add(benchmark);
                }
            }
            boolean withFloor = true;
            for (Map.Entry<List<String>, List<String>> group : benchmarksByStrategies.entrySet()) {
                List<String> includes = new ArrayList<>(group.getValue().stream().map(Invocation::method).toList());
                if (withFloor) {
                    includes.add(Invocation.method(LIBRARY_FLOOR));
                    withFloor = false;
                }
                Map<String, List<String>> parameters = new LinkedHashMap<>(run);
                parameters.put("algorithm", algorithms);
                parameters.put("codec", List.of(library.id()));
                parameters.put("strategy", group.getKey());
                invocations.add(new Invocation(library.id() + ": " + String.join(", ", group.getKey()), includes,
                        parameters));
            }
        }
        return invocations;
    }

    /** The strategies a benchmark method's class measures whose access credential is a JWT. */
    private static List<String> jwtStrategiesOf(String benchmark) {
        String className = "io.github.authbench.bench." + benchmark.substring(0, benchmark.indexOf('.'));
        try {
            Param strategies = Class.forName(className).getField("strategy").getAnnotation(Param.class);
            return Arrays.stream(strategies.value()).filter(id -> StrategyKind.of(id).traits().signed()).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no strategy parameter on " + className, e);
        }
    }
}

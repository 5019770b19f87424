package io.github.authbench.bench.cli;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Param;

/**
 * The JMH invocations of a run, so that nothing is measured twice and nothing is asked of a strategy or library that
 * it does not have.
 * <ul>
 * <li>Every strategy at the profile's first algorithm; at the others only the strategies whose credential is signed (a
 * session's cost does not depend on the JWS algorithm, so it is measured once) and the algorithm's floors.
 * <li>Every strategy on the first store; on the others (Redis) only the strategies that keep server state (a stateless
 * JWT's check never calls the store), and only at the first algorithm: what a store adds is its round trips, which
 * do not depend on the algorithm.
 * <li>Throughput (how a check scales over cores, a property of the strategy) at the first algorithm and payload only,
 * for the strategies the profile names: at other algorithms and payloads it would only repeat what authenticate
 * shows.
 * <li>The library axis: for every JWT library but the default, the profile's benchmarks on the JWT strategies each
 * applies to, at the algorithms the library supports (java-jwt has no EdDSA: that pair is left out, not measured as
 * something else), beside the library's verify floor, on the first store and payload: the library's share of a check
 * does not depend on the store, and the payload's effect is measured on the default library.
 * </ul>
 */
final class RunPlan {

    static final String LIBRARY_FLOOR = "FloorBenchmark.libraryVerify";

    /** The timed benchmarks of a strategy, by class or method; throughput apart. */
    private static final List<String> STRATEGY_TIMED =
            List.of("AuthenticateBenchmark.authenticate", "RejectBenchmark", "LoginBenchmark", "RefreshBenchmark");
    /** The floors that depend on the algorithm. */
    private static final List<String> ALGORITHM_FLOORS = List.of("FloorBenchmark.rawVerify", LIBRARY_FLOOR);
    private static final List<String> SHOT_CLASSES = List.of("LogoutBenchmark", "RevocationLatencyBenchmark");

    private RunPlan() {
    }

    /**
     * The timed invocations on the default library.
     *
     * @param run the run's parameters: algorithm, payload, store, population, codec (the default library)
     * @param matrix the profile's throughput methods and the strategies they measure
     */
    static List<Invocation> timed(Map<String, List<String>> run, Profile.Matrix matrix) {
        List<Invocation> invocations = new ArrayList<>();
        List<String> algorithms = run.get("algorithm");
        List<String> stores = run.get("store");
        Map<String, List<String>> first = with(run, "algorithm", algorithms.subList(0, 1));
        for (String store : stores) {
            boolean firstStore = store.equals(stores.get(0));
            Predicate<String> wanted = firstStore ? id -> true : RunPlan::keepsServerState;
            Map<String, List<String>> onStore = with(first, "store", List.of(store));
            List<String> floors = new ArrayList<>();
            if (firstStore) {
                floors.add("FloorBenchmark");
            }
            if (store.equals(StoreKind.REDIS.name())) {
                floors.add("RedisFloorBenchmark");
            }
            String label = (firstStore ? "every strategy, " : "strategies with server state, ") + algorithms.get(0)
                    + (stores.size() > 1 ? ", " + store : "");
            invocations.addAll(byStrategies(label, STRATEGY_TIMED, wanted, onStore, floors));
            Predicate<String> measuredForThroughput = wanted.and(id -> matrix.throughputStrategies().isEmpty()
                    || matrix.throughputStrategies().contains(id));
            invocations.addAll(byStrategies(label + ", throughput",
                    matrix.throughputs().stream().map(method -> "AuthenticateBenchmark." + method).toList(),
                    measuredForThroughput, with(onStore, "payload", run.get("payload").subList(0, 1)), List.of()));
        }
        if (algorithms.size() > 1) {
            Map<String, List<String>> rest = with(with(run, "algorithm", algorithms.subList(1, algorithms.size())),
                    "store", stores.subList(0, 1));
            invocations.addAll(byStrategies("signed strategies, " + String.join(", ", rest.get("algorithm")),
                    STRATEGY_TIMED, RunPlan::signed, rest, ALGORITHM_FLOORS));
        }
        return invocations;
    }

    /**
     * The shot invocations, on the default library: every strategy at the first algorithm, and the signed ones at the
     * others if the profile measures shots at every algorithm.
     */
    static List<Invocation> shots(Map<String, List<String>> run, Profile.Matrix matrix) {
        List<Invocation> invocations = new ArrayList<>();
        List<String> algorithms = run.get("algorithm");
        invocations.add(new Invocation("every strategy, " + algorithms.get(0), List.of(Profile.SHOTS),
                with(run, "algorithm", algorithms.subList(0, 1))));
        if (algorithms.size() > 1 && matrix.shotsAtEveryAlgorithm()) {
            Map<String, List<String>> rest = with(with(run, "algorithm", algorithms.subList(1, algorithms.size())),
                    "store", run.get("store").subList(0, 1));
            invocations.addAll(byStrategies("signed strategies, " + String.join(", ", rest.get("algorithm")),
                    SHOT_CLASSES, RunPlan::signed, rest, List.of()));
        }
        return invocations;
    }

    /** The library axis: every JWT library but the default, on what the profile measures of it. */
    static List<Invocation> libraryAxis(Profile.Libraries libraries, Map<String, List<String>> run) {
        List<Invocation> invocations = new ArrayList<>();
        if (libraries.benchmarks().isEmpty()) {
            return invocations;
        }
        Predicate<String> wanted = id -> signed(id)
                && (libraries.strategies().isEmpty() || libraries.strategies().contains(id));
        for (JwtLibrary library : JwtLibrary.values()) {
            List<String> algorithms = run.get("algorithm").stream().filter(library::supports).toList();
            if (library == JwtLibrary.JJWT || algorithms.isEmpty()) {
                continue;
            }
            Map<String, List<String>> parameters = with(with(with(with(run, "algorithm", algorithms), "codec",
                    List.of(library.id())), "store", run.get("store").subList(0, 1)), "payload",
                    run.get("payload").subList(0, 1));
            invocations.addAll(byStrategies(library.id(), libraries.benchmarks(), wanted, parameters,
                    List.of(LIBRARY_FLOOR)));
        }
        return invocations;
    }

    /**
     * One invocation per set of strategies: benchmarks ({@code Class} or {@code Class.method}) whose classes measure
     * the same wanted strategies run together; the floors go with the first.
     */
    private static List<Invocation> byStrategies(String label, List<String> benchmarks, Predicate<String> wanted,
            Map<String, List<String>> parameters, List<String> floors) {
        Map<List<String>, List<String>> benchmarksByStrategies = new LinkedHashMap<>();
        for (String benchmark : benchmarks) {
            List<String> strategies = strategiesOf(benchmark).stream().filter(wanted).toList();
            if (!strategies.isEmpty()) {
                benchmarksByStrategies.computeIfAbsent(strategies, s -> new ArrayList<>()).add(benchmark);
            }
        }
        List<Invocation> invocations = new ArrayList<>();
        List<String> pendingFloors = floors;
        for (Map.Entry<List<String>, List<String>> group : benchmarksByStrategies.entrySet()) {
            List<String> includes = new ArrayList<>(group.getValue().stream().map(Invocation::pattern).toList());
            pendingFloors.stream().map(Invocation::pattern).forEach(includes::add);
            pendingFloors = List.of();
            invocations.add(new Invocation(label + ": " + String.join(", ", group.getKey()), includes,
                    with(parameters, "strategy", group.getKey())));
        }
        return invocations;
    }

    private static boolean signed(String strategy) {
        return StrategyKind.of(strategy).traits().signed();
    }

    private static boolean keepsServerState(String strategy) {
        return StrategyKind.of(strategy).traits().keepsServerState();
    }

    private static Map<String, List<String>> with(Map<String, List<String>> parameters, String name,
            List<String> values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(parameters);
        changed.put(name, List.copyOf(values));
        return changed;
    }

    /** The strategies a benchmark's class measures: its {@code strategy} parameter, written from the catalogue. */
    private static List<String> strategiesOf(String benchmark) {
        int dot = benchmark.indexOf('.');
        String className = "io.github.authbench.bench." + (dot < 0 ? benchmark : benchmark.substring(0, dot));
        try {
            return Arrays.asList(Class.forName(className).getField("strategy").getAnnotation(Param.class).value());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no strategy parameter on " + className, e);
        }
    }
}

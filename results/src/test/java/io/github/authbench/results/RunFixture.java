package io.github.authbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes small but complete run directories with chosen samples, so the statistics have known answers. */
final class RunFixture {

    static final Environment MACHINE = new Environment("Vendor", "17.0.15", "Test VM 17", "Linux", "Test CPU @ 2GHz", 2,
            1L << 34, "0123456789abcdef", Map.of("io.jsonwebtoken:jjwt-api", "0.13.0"));

    private final List<BenchmarkResult> timed = new ArrayList<>();
    private final List<ExactMeasurement> exact = new ArrayList<>();
    private Environment environment = MACHINE;
    private String profile = "quick";
    private int forks = 2;
    private String codec;
    private List<String> libraries = List.of();
    private PrecisionTarget precision;
    private String session;
    private boolean inTurns;

    RunFixture timed(String benchmark, String strategy, String unit, double... samples) {
        return add(benchmark, strategy, unit.startsWith("ops/") ? "thrpt" : "avgt", unit, samples);
    }

    /** A shot benchmark as runs write it: JMH's sample mode, each sample one call. */
    RunFixture shots(String benchmark, String strategy, double... samples) {
        return add(benchmark, strategy, "sample", "us/op", samples);
    }

    /** A floor: a timed benchmark with an algorithm (and the current library, if set) but no strategy. */
    RunFixture floor(String benchmark, String algorithm, double... samples) {
        SortedMap<String, String> params = new TreeMap<>();
        params.put("algorithm", algorithm);
        if (codec != null) {
            params.put("codec", codec);
        }
        timed.add(new BenchmarkResult("io.github.authbench.bench." + benchmark, "avgt", 1, params,
                new Metric(mean(samples), 0.05 * mean(samples), "ns/op", List.of(samples)), Map.of(), null));
        return this;
    }

    /** The run's JWT libraries, the default first, as run.json lists them. */
    RunFixture libraries(String... ids) {
        this.libraries = List.of(ids);
        return this;
    }

    /** Benchmarks added after this ran on this JWT library ({@code codec}). */
    RunFixture codec(String library) {
        this.codec = library;
        return this;
    }

    /** A timed benchmark with each fork's samples given. */
    RunFixture timedForks(String benchmark, String strategy, String unit, List<double[]> forks) {
        add(benchmark, strategy, "avgt", unit, forks.get(0));
        BenchmarkResult added = timed.remove(timed.size() - 1);
        timed.add(new BenchmarkResult(added.benchmark(), added.mode(), 1, added.params(),
                new Metric(added.primary().score(), added.primary().error(), unit, forks), Map.of(), precision));
        return this;
    }

    /** The run is one side of the {@code ab} session of this name: its forks pair with the other side's. */
    RunFixture interleaved(String name) {
        this.session = name;
        this.inTurns = false;
        return this;
    }

    /** As {@link #interleaved}, and the pairs' iterations were measured in turns. */
    RunFixture inTurns(String name) {
        this.session = name;
        this.inTurns = true;
        return this;
    }

    private RunFixture add(String benchmark, String strategy, String mode, String unit, double... samples) {
        SortedMap<String, String> params = new TreeMap<>();
        if (strategy != null) {
            params.put("strategy", strategy);
            params.put("algorithm", "HS256");
            params.put("store", "CAFFEINE");
            params.put("payload", "TYPICAL");
        }
        if (codec != null) {
            params.put("codec", codec);
        }
        timed.add(new BenchmarkResult("io.github.authbench.bench." + benchmark, mode, 1, params,
                new Metric(mean(samples), 0.05 * mean(samples), unit,
                        forks == 2 ? twoForks(samples) : List.of(samples)), Map.of(), precision));
        return this;
    }

    /** Timed benchmarks added after this had this precision target and gained this many forks for it. */
    RunFixture precision(double target, int addedForks) {
        this.precision = new PrecisionTarget(target, addedForks, 0);
        return this;
    }

    /** Timed benchmarks added after this have their samples in one fork, or split into two (the default). */
    RunFixture forks(int count) {
        if (count != 1 && count != 2) {
            throw new IllegalArgumentException("1 or 2 forks, not " + count);
        }
        this.forks = count;
        return this;
    }

    /** The first and the second half of the samples as two forks. */
    static List<double[]> twoForks(double[] samples) {
        int half = samples.length / 2;
        return List.of(Arrays.copyOfRange(samples, 0, half), Arrays.copyOfRange(samples, half, samples.length));
    }

    RunFixture exact(ExactMeasurement measurement) {
        exact.add(measurement);
        return this;
    }

    RunFixture machine(Environment other) {
        this.environment = other;
        return this;
    }

    RunFixture profile(String other) {
        this.profile = other;
        return this;
    }

    static ExactMeasurement measurement(String strategy, int accessBytes, long window) {
        return new ExactMeasurement(strategy, "HS256", "TYPICAL", "CAFFEINE", accessBytes, accessBytes + 22,
                accessBytes + 20, accessBytes + 52, true, true, null, 700, 1, strategy.equals("session") ? 1 : 0, 1,
                window, window, window, window);
    }

    /**
     * A description of every strategy the fixture mentions, as a run writes it: ids ending in "session" are opaque
     * server sessions, the others JWTs carrying claims.
     */
    private List<StrategyDescription> describedStrategies() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        exact.forEach(m -> ids.add(m.strategy()));
        timed.forEach(result -> {
            if (result.param("strategy") != null) {
                ids.add(result.param("strategy"));
            }
        });
        return ids.stream().map(id -> {
            boolean session = id.endsWith("session");
            return new StrategyDescription(id, session ? "OPAQUE_ID" : "JWT_WITH_CLAIMS", !session, !session, session,
                    session, false, session ? "opaque id" : "JWT with every claim", session ? "the session" : "nothing");
        }).toList();
    }

    Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            RunDirectory.JSON.writeValue(directory.resolve(RunDirectory.MANIFEST).toFile(), new RunManifest(
                    RunManifest.SCHEMA_VERSION, profile, List.of("CAFFEINE"), null,
                    libraries.isEmpty() ? Map.of("algorithm", List.of("HS256"))
                            : Map.of("algorithm", List.of("HS256"), "codec", libraries),
                    session == null ? Map.of("forks", 1, "measurementIterations", 16)
                            : Map.of("forks", 1, "measurementIterations", 16, ComparisonDesign.SESSION, session,
                                    ComparisonDesign.IN_TURNS, inTurns),
                    List.of(),
                    List.of("17.0.15 (OpenJDK 64-Bit Server VM)"), Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:07:00Z"), environment));
            RunDirectory.JSON.writeValue(directory.resolve(RunDirectory.STRATEGIES).toFile(), describedStrategies());
            RunDirectory.JSON.writeValue(directory.resolve(RunDirectory.EXACT).toFile(), exact);
            Files.writeString(directory.resolve(RunDirectory.TIMED), jmhJson(timed));
            Files.writeString(directory.resolve(RunDirectory.SHOTS), "[]");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JMH's JSON layout, with just the fields JMH always writes that matter here. */
    static String jmhJson(List<BenchmarkResult> results) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BenchmarkResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("jmhVersion", "1.37");
            entry.put("benchmark", result.benchmark());
            entry.put("mode", result.mode());
            entry.put("threads", result.threads());
            entry.put("forks", 1);
            entry.put("params", result.params());
            Map<String, Object> primary = new LinkedHashMap<>();
            primary.put("score", result.primary().score());
            primary.put("scoreError", result.primary().error());
            primary.put("scoreUnit", result.primary().unit());
            if (result.mode().equals("sample")) {
                primary.put("rawDataHistogram", result.primary().samplesPerFork().stream()
                        .map(fork -> List.of(histogram(fork))).toList());
            } else {
                primary.put("rawData", result.primary().samplesPerFork());
            }
            entry.put("primaryMetric", primary);
            entry.put("secondaryMetrics", Map.of());
            if (result.precision() != null) {
                entry.put(JmhJson.PRECISION_FIELD, result.precision());
            }
            entries.add(entry);
        }
        return RunDirectory.JSON.writeValueAsString(entries);
    }

    /** One iteration of sample mode's histogram: each value once with its count, in value order, as JMH writes it. */
    static List<List<Number>> histogram(double[] samples) {
        SortedMap<Double, Integer> counts = new TreeMap<>();
        for (double sample : samples) {
            counts.merge(sample, 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> List.<Number>of(e.getKey(), e.getValue())).toList();
    }

    /** Samples around {@code centre} with a fixed, repeatable spread of +-{@code spread} (a fraction). */
    static double[] around(double centre, double spread, int n, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = centre * (1 + spread * (2 * random.nextDouble() - 1));
        }
        return samples;
    }

    private static double mean(double[] samples) {
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        return sum / samples.length;
    }
}

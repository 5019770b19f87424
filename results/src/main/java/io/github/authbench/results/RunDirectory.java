package io.github.authbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run directory as {@code ./authbench run} writes it: {@code run.json} (what ran where), {@code strategies.json}
 * (what each strategy is), {@code exact.json} (exact sizes, store calls, windows) and JMH's own JSON,
 * {@code jmh-timed.json} and {@code jmh-shots.json}.
 */
public record RunDirectory(Path path, RunManifest manifest, List<StrategyDescription> strategies,
        List<ExactMeasurement> exact, List<BenchmarkResult> benchmarks) {

    public static final String MANIFEST = "run.json";
    public static final String STRATEGIES = "strategies.json";
    public static final String EXACT = "exact.json";
    public static final String TIMED = "jmh-timed.json";
    public static final String SHOTS = "jmh-shots.json";

    /** The JSON settings every run file is written and read with. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static RunDirectory load(Path path) {
        if (!Files.isDirectory(path)) {
            throw new BadRunException(path, "no such run directory");
        }
        RunManifest manifest = manifest(path.resolve(MANIFEST));
        List<StrategyDescription> strategies =
                Arrays.asList(read(path.resolve(STRATEGIES), StrategyDescription[].class));
        List<ExactMeasurement> exact = Arrays.asList(read(path.resolve(EXACT), ExactMeasurement[].class));
        List<BenchmarkResult> benchmarks = new ArrayList<>(JmhJson.read(existing(path.resolve(TIMED))));
        benchmarks.addAll(JmhJson.read(existing(path.resolve(SHOTS))));
        return new RunDirectory(path, manifest, strategies, exact, List.copyOf(benchmarks));
    }

    /** What the strategy with this id is, as this run described it. */
    public Optional<StrategyDescription> strategy(String id) {
        return strategies.stream().filter(description -> description.id().equals(id)).findFirst();
    }

    /** The newest run under {@code runs} (names are UTC timestamps, so the newest sorts last). */
    public static Path latest(Path runs) {
        if (!Files.isDirectory(runs)) {
            throw new BadRunException(runs, "no runs yet: ./authbench run makes one");
        }
        try (Stream<Path> children = Files.list(runs)) {
            Optional<Path> newest = children.filter(child -> Files.isRegularFile(child.resolve(MANIFEST)))
                    .max(Comparator.comparing(child -> child.getFileName().toString()));
            return newest.orElseThrow(() -> new BadRunException(runs, "no run directory with a run.json inside"));
        } catch (IOException e) {
            throw new BadRunException(runs, "cannot be listed: " + e.getMessage());
        }
    }

    /** Every benchmark result by its key (name and parameters), in run order. */
    public Map<String, BenchmarkResult> benchmarksByKey() {
        Map<String, BenchmarkResult> byKey = new LinkedHashMap<>();
        benchmarks.forEach(result -> byKey.put(result.key(), result));
        return byKey;
    }

    /** Every benchmark result of one method ({@code AuthenticateBenchmark.authenticate}). */
    public List<BenchmarkResult> of(String name) {
        return benchmarks.stream().filter(result -> result.name().equals(name)).toList();
    }

    private static RunManifest manifest(Path file) {
        JsonNode version = read(file, JsonNode.class).get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new BadRunException(file, "has no schemaVersion: not a run.json of authbench");
        }
        if (version.asInt() != RunManifest.SCHEMA_VERSION) {
            throw new BadRunException(file, "schema version " + version.asInt() + ", this authbench reads version "
                    + RunManifest.SCHEMA_VERSION + ": re-run it, or read it with the authbench that wrote it");
        }
        RunManifest manifest = read(file, RunManifest.class);
        if (manifest.environment() == null || manifest.profile() == null) {
            throw new BadRunException(file, "lacks the environment or the profile");
        }
        return manifest;
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            T value = JSON.readValue(existing(file).toFile(), type);
            if (value == null) {
                throw new BadRunException(file, "is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BadRunException(file, "not valid " + type.getSimpleName().replace("[]", " list")
                    + " JSON (truncated?) at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRunException(file, "cannot be read: " + e.getMessage());
        }
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadRunException(file, "missing: not a complete authbench run directory");
        }
        return file;
    }
}

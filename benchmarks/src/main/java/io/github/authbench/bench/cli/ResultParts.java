package io.github.authbench.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH result files of one run's invocations, merged into the one file of the run directory. The merged file is
 * JMH's own format (an array of JMH's entries, untouched but for one parameter), so the usual tools still read it.
 * When a run measures several JDKs, each entry gains the parameter {@code jdk} (the feature version its fork ran on,
 * from JMH's own {@code jdkVersion}), so the same benchmark on two JDKs is two rows side by side.
 */
final class ResultParts {

    private final Path directory;
    private final String name;
    private final List<Path> parts = new ArrayList<>();

    /** Parts of {@code name} (e.g. {@code jmh-timed.json}), written beside it until merged. */
    ResultParts(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** Where the next invocation writes its results. */
    Path next() {
        Path part = directory.resolve(name.replace(".json", "") + ".part" + (parts.size() + 1) + ".json");
        parts.add(part);
        return part;
    }

    /** A JDK a fork ran on, as JMH reports it. */
    record Jdk(String version, String vmName) {

        /** The feature version, the value of the {@code jdk} parameter: 17 for 17.0.15, 8 for 1.8.0_402. */
        String feature() {
            String[] numbers = version.split("[._+-]");
            return numbers[0].equals("1") && numbers.length > 1 ? numbers[1] : numbers[0];
        }

        @Override
        public String toString() {
            return version + " (" + vmName + ")";
        }
    }

    /**
     * Writes the merged file, from every part so far (again after more parts, as {@code ab} does between its rounds).
     * A benchmark measured in several parts (the forks of {@code ab}, one part each) becomes one entry with every fork,
     * in the order of the parts ({@link ForkMerge}).
     *
     * @return the JDKs the entries ran on, in order of appearance
     */
    List<Jdk> merge(boolean tagJdk) throws IOException {
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        Set<Jdk> jdks = new LinkedHashSet<>();
        for (Path part : parts) {
            for (JsonNode entry : RunDirectory.JSON.readTree(part.toFile())) {
                Jdk jdk = new Jdk(entry.path("jdkVersion").asText(), entry.path("vmName").asText());
                jdks.add(jdk);
                if (tagJdk) {
                    ((ObjectNode) entry).withObject("params").put("jdk", jdk.feature());
                }
                String key = entry.path("benchmark").asText() + entry.path("mode") + entry.path("params");
                ObjectNode first = entries.putIfAbsent(key, (ObjectNode) entry);
                if (first != null) {
                    ForkMerge.merge(first, entry);
                }
            }
        }
        ArrayNode merged = RunDirectory.JSON.createArrayNode();
        entries.values().forEach(merged::add);
        RunDirectory.JSON.writeValue(directory.resolve(name).toFile(), merged);
        return List.copyOf(jdks);
    }

    /** Removes the parts, once merged for the last time. */
    void removeParts() throws IOException {
        for (Path part : parts) {
            Files.delete(part);
        }
    }
}

package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.cli.CompareCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare} on the committed baseline run (two forks per benchmark, a real run of this machine) against copies
 * of it: one in which every sample of session authenticate is 30% slower in both forks, all else identical, must fail
 * the gate and name exactly that benchmark; an untouched copy must pass.
 */
class BaselineGateTest {

    private static final Path BASELINE = Path.of("baseline");
    private static final String SLOWED = "AuthenticateBenchmark.authenticate HS256 jjwt TYPICAL 10000 CAFFEINE session [avgt]";

    @TempDir
    Path temp;

    @Test
    void aThirtyPercentSlowerBenchmarkFailsAndIsNamed() throws IOException {
        Path slower = copy("slower");
        Path timed = slower.resolve(RunDirectory.TIMED);
        ArrayNode entries = (ArrayNode) RunDirectory.JSON.readTree(timed.toFile());
        for (JsonNode entry : entries) {
            if (entry.path("benchmark").asText().endsWith("AuthenticateBenchmark.authenticate")
                    && entry.path("params").path("strategy").asText().equals("session")) {
                ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
                for (JsonNode fork : metric.get("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((ArrayNode) fork).set(i, fork.get(i).asDouble() * 1.3);
                    }
                }
            }
        }
        RunDirectory.JSON.writeValue(timed.toFile(), entries);

        assertThat(compare(slower)).isEqualTo(CompareCommand.REGRESSED);
        Comparison comparison = Comparison.of(RunDirectory.load(BASELINE), RunDirectory.load(slower),
                CompareSettings.DEFAULTS);
        assertThat(comparison.timed()).filteredOn(change -> change.verdict().failsGate())
                .extracting(TimedChange::benchmark).containsExactly(SLOWED);
        assertThat(ComparisonFormat.TEXT.render(comparison)).contains(SLOWED).contains("REGRESSED");
    }

    @Test
    void anUntouchedCopyPasses() throws IOException {
        assertThat(compare(copy("same"))).isZero();
    }

    private int compare(Path candidate) {
        return new CommandLine(new CompareCommand()).execute(BASELINE.toString(), candidate.toString());
    }

    private Path copy(String name) throws IOException {
        Path copy = temp.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(BASELINE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}

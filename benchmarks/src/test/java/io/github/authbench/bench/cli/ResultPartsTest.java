package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's JMH invocations end as one JMH result file, each entry as JMH wrote it, tagged with its JDK when asked. */
class ResultPartsTest {

    @TempDir
    Path run;

    private static String entry(String benchmark, String jdkVersion) {
        return "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"avgt\",\"jdkVersion\":\"" + jdkVersion
                + "\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"params\":{\"algorithm\":\"HS256\"},"
                + "\"primaryMetric\":{\"score\":1.5,\"rawData\":[[1.0,2.0]]}}";
    }

    @Test
    void mergesEveryPartInOrderKeepingTheRawDataAndRemovesThePartsWhenTold() throws IOException {
        ResultParts parts = new ResultParts(run, "jmh-timed.json");
        Path first = parts.next();
        Path second = parts.next();
        Files.writeString(first, "[" + entry("a.A.x", "17.0.15") + "," + entry("a.A.y", "17.0.15") + "]");
        Files.writeString(second, "[" + entry("a.A.x", "25.0.1") + "]");

        assertThat(parts.merge(true)).extracting(ResultParts.Jdk::toString).containsExactly(
                "17.0.15 (OpenJDK 64-Bit Server VM)", "25.0.1 (OpenJDK 64-Bit Server VM)");

        JsonNode merged = RunDirectory.JSON.readTree(run.resolve("jmh-timed.json").toFile());
        assertThat(merged).hasSize(3);
        assertThat(merged.get(0).path("params").path("jdk").asText()).isEqualTo("17");
        assertThat(merged.get(0).path("params").path("algorithm").asText()).isEqualTo("HS256");
        assertThat(merged.get(2).path("params").path("jdk").asText()).isEqualTo("25");
        assertThat(merged.get(2).path("primaryMetric").path("rawData").get(0).get(1).asDouble()).isEqualTo(2.0);
        assertThat(first).exists();

        parts.removeParts();

        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(run.resolve("jmh-timed.json")).exists();
    }

    @Test
    void mergingAgainAfterMorePartsHoldsEveryForkOnce() throws IOException {
        ResultParts parts = new ResultParts(run, "jmh-timed.json");
        Files.writeString(parts.next(), "[" + entry("a.A.x", "17.0.15") + "]");
        parts.merge(false);
        Files.writeString(parts.next(), "[" + entry("a.A.x", "17.0.15") + "]");

        parts.merge(false);

        JsonNode merged = RunDirectory.JSON.readTree(run.resolve("jmh-timed.json").toFile());
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).path("primaryMetric").path("rawData")).hasSize(2);
    }

    @Test
    void oneJdkLeavesTheEntriesUntagged() throws IOException {
        ResultParts parts = new ResultParts(run, "jmh-shots.json");
        Files.writeString(parts.next(), "[" + entry("a.A.x", "17.0.15") + "]");

        parts.merge(false);

        assertThat(RunDirectory.JSON.readTree(run.resolve("jmh-shots.json").toFile()).get(0).path("params").has("jdk"))
                .isFalse();
    }

    @Test
    void theFeatureVersionOfOldAndNewVersionStrings() {
        assertThat(new ResultParts.Jdk("17.0.15", "vm").feature()).isEqualTo("17");
        assertThat(new ResultParts.Jdk("25.0.1", "vm").feature()).isEqualTo("25");
        assertThat(new ResultParts.Jdk("1.8.0_402", "vm").feature()).isEqualTo("8");
        assertThat(new ResultParts.Jdk("21", "vm").feature()).isEqualTo("21");
    }
}

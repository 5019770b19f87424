package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a one-line BadRunException naming the file and the problem. */
class RunDirectoryTest {

    @TempDir
    Path temp;

    private Path run() {
        return new RunFixture().timed("AuthenticateBenchmark.authenticate", "session", "ns/op", 1, 2, 3)
                .write(temp.resolve("run"));
    }

    @Test
    void readsWhatTheFixtureWrote() {
        RunDirectory run = RunDirectory.load(run());
        assertThat(run.benchmarks()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("AuthenticateBenchmark.authenticate");
            assertThat(result.primary().samples()).containsExactly(1, 2, 3);
            assertThat(result.param("strategy")).isEqualTo("session");
        });
    }

    @Test
    void readsSampleModeHistogramsAsEachForksCalls() {
        Path run = new RunFixture().shots("LogoutBenchmark.logout", "session", 5, 3, 5, 9, 3, 5)
                .write(temp.resolve("run"));
        assertThat(RunDirectory.load(run).benchmarks()).singleElement().satisfies(result -> {
            assertThat(result.singleShot()).isTrue();
            assertThat(result.primary().samplesPerFork()).hasSize(2);
            assertThat(result.primary().samplesPerFork().get(0)).containsExactly(3, 5, 5);
            assertThat(result.primary().samplesPerFork().get(1)).containsExactly(3, 5, 9);
        });
    }

    @Test
    void aHistogramWithANegativeOrHugeCountIsRefusedNotExpanded() throws IOException {
        for (String count : List.of("-1", "2147483647", "\"x\"")) {
            Path run = new RunFixture().shots("LogoutBenchmark.logout", "session", 5, 7)
                    .write(temp.resolve("run-" + count.hashCode()));
            Path timed = run.resolve(RunDirectory.TIMED);
            Files.writeString(timed, Files.readString(timed).replaceFirst("\\[ 5\\.0, 1 \\]", "[ 5.0, " + count + " ]"));
            assertThat(Files.readString(timed)).contains("[ 5.0, " + count + " ]");
            assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                    .hasMessageContaining("LogoutBenchmark.logout has a histogram entry of [5.0,");
        }
    }

    @Test
    void missingDirectory() {
        assertThatThrownBy(() -> RunDirectory.load(temp.resolve("nope"))).isInstanceOf(BadRunException.class)
                .hasMessage(temp.resolve("nope") + ": no such run directory");
    }

    @Test
    void directoryWithoutRunJson() throws IOException {
        Path run = run();
        Files.delete(run.resolve(RunDirectory.MANIFEST));
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessage(run.resolve("run.json") + ": missing: not a complete authbench run directory");
    }

    @Test
    void truncatedJmhJson() throws IOException {
        Path run = run();
        Path timed = run.resolve(RunDirectory.TIMED);
        String json = Files.readString(timed);
        Files.writeString(timed, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessageStartingWith(timed + ": not valid JSON (truncated?) at line");
    }

    @Test
    void nanScore() throws IOException {
        Path run = run();
        Path timed = run.resolve(RunDirectory.TIMED);
        Files.writeString(timed, Files.readString(timed).replaceFirst("\"score\" : [0-9.E-]+", "\"score\" : \"NaN\""));
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessage(timed + ": benchmark io.github.authbench.bench.AuthenticateBenchmark.authenticate has score "
                        + "NaN: the benchmark failed or measured nothing");
    }

    @Test
    void olderSchema() throws IOException {
        Path run = run();
        Path manifest = run.resolve(RunDirectory.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"schemaVersion\" : " + RunManifest.SCHEMA_VERSION, "\"schemaVersion\" : 1"));
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessageStartingWith(manifest + ": schema version 1, this authbench reads version "
                        + RunManifest.SCHEMA_VERSION);
    }

    @Test
    void missingStrategyDescriptions() throws IOException {
        Path run = run();
        Files.delete(run.resolve(RunDirectory.STRATEGIES));
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessageContaining("strategies.json").hasMessageContaining("missing");
    }

    @Test
    void emptyExactFile() throws IOException {
        Path run = run();
        Files.writeString(run.resolve(RunDirectory.EXACT), "");
        assertThatThrownBy(() -> RunDirectory.load(run)).isInstanceOf(BadRunException.class)
                .hasMessageContaining("exact.json");
    }

    @Test
    void latestIsTheNewestTimestamp() throws IOException {
        Path runs = temp.resolve("runs");
        new RunFixture().write(runs.resolve("20261122-100000"));
        new RunFixture().write(runs.resolve("20261122-110000"));
        Files.createDirectories(runs.resolve("20261122-120000"));
        assertThat(RunDirectory.latest(runs)).isEqualTo(runs.resolve("20261122-110000"));
        assertThatThrownBy(() -> RunDirectory.latest(temp.resolve("none"))).isInstanceOf(BadRunException.class)
                .hasMessageContaining("no runs yet");
    }
}

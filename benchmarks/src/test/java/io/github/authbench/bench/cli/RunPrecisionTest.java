package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.authbench.results.BenchmarkResult;
import io.github.authbench.results.JmhJson;
import io.github.authbench.results.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine;

/**
 * {@code run --target --budget}: what a user asks of quick or full replaces the profile's target and budget, in the
 * refinement that judges the scores and in the {@code run.json} that records the run; without them the profile's stand.
 */
class RunPrecisionTest {

    private static RunCommand parsed(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutOptionsEachProfileKeepsItsOwn() {
        assertThat(parsed().precision(Profile.QUICK)).isEqualTo(Profile.QUICK.precision);
        assertThat(parsed().precision(Profile.FULL)).isEqualTo(Profile.FULL.precision);
        assertThat(parsed().precision(Profile.CI).refines()).isFalse();
    }

    @Test
    void theTargetAndBudgetAskedReplaceTheProfilesAndReachTheManifest() {
        Profile.Precision asked = parsed("--profile", "full", "--budget", "120", "--target", "3")
                .precision(Profile.FULL);

        assertThat(asked.target()).isEqualTo(0.03);
        assertThat(asked.budget()).isEqualTo(Duration.ofMinutes(120));
        assertThat(asked.maxRounds()).isEqualTo(Profile.FULL.precision.maxRounds());
        Map<String, Object> manifest = RunCommand.jmhSettings(Profile.FULL, asked);
        assertThat(manifest).containsEntry("precisionTarget", 0.03).containsEntry("budgetSeconds", 7200L);

        Profile.Precision onlyBudget = parsed("--budget", "20").precision(Profile.QUICK);
        assertThat(onlyBudget.target()).isEqualTo(Profile.QUICK.precision.target());
        assertThat(onlyBudget.budget()).isEqualTo(Duration.ofMinutes(20));
    }

    /** Refines a steady score (about 2% error) and a noisy one (about 13%) with this precision, until the deadline. */
    private static List<BenchmarkResult> refined(Path directory, Profile.Precision precision, Instant deadline)
            throws Exception {
        Path timed = directory.resolve(RunDirectory.TIMED);
        ArrayNode entries = RunDirectory.JSON.createArrayNode();
        entries.add(RefinementTest.entry("AuthenticateBenchmark.authenticate", "session", "avgt",
                new double[] {100, 101, 99, 100, 102, 98, 100, 101, 99, 100}));
        entries.add(RefinementTest.entry("AuthenticateBenchmark.authenticate", "stateless-jwt", "avgt",
                new double[] {100, 110, 90, 105, 95, 112, 88, 100, 108, 92}));
        RunDirectory.JSON.writeValue(timed.toFile(), entries);
        try (JmhOutput jmh = JmhOutput.open(directory.resolve(RunCommand.JMH_LOG), false)) {
            new RefinementLoop(Profile.QUICK, precision, new CommandLineOptions(), java -> null, jmh)
                    .run(timed, deadline, Duration.ofSeconds(10));
        }
        return JmhJson.read(timed);
    }

    @Test
    void theRefinementJudgesEveryScoreByTheTargetAsked(@TempDir Path temp) throws Exception {
        // a target both scores meet: nothing is measured again, however long the budget
        Profile.Precision loose = new Profile.Precision(0.25, Duration.ofHours(1), 1, 3);
        List<BenchmarkResult> met = refined(temp, loose, Instant.now().plus(Duration.ofHours(1)));

        assertThat(met).allSatisfy(result -> {
            assertThat(result.precision().target()).isEqualTo(0.25);
            assertThat(result.precision().addedForks()).isZero();
        });

        // a target neither meets, with the budget spent: nothing is measured, and the target asked is recorded
        Profile.Precision strict = new Profile.Precision(0.01, Duration.ZERO, 1, 3);
        List<BenchmarkResult> spent = refined(temp, strict, Instant.now());

        assertThat(spent).allSatisfy(result -> {
            assertThat(result.precision().target()).isEqualTo(0.01);
            assertThat(result.precision().addedForks()).isZero();
        });
    }
}

package io.github.authbench.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Spends what is left of a profile's time budget where the noise is: after the first pass (each fork cut where it
 * became steady, {@link SteadyState}), measures again, with more
 * forks, only the timed scores over the profile's precision target, merges the new forks into their entries
 * ({@link ForkMerge}), and repeats until every score meets the target, the rounds are done, or the next measurement
 * would not finish before the deadline. Each timed entry then records the target and the forks it gained, from which
 * the report tells whether it met the target at once, was refined into it, or is still imprecise.
 */
final class RefinementLoop {

    private final Profile profile;
    private final Profile.Precision precision;
    private final CommandLineOptions extra;
    private final Function<String, String> javaOfJdk;
    private final JmhOutput jmh;

    /**
     * @param precision the run's target and budget: the profile's, or what the command line asked for
     * @param javaOfJdk the java executable of an entry's {@code jdk} parameter, in a run on several JDKs (null for the
     *     JDK running this command)
     */
    RefinementLoop(Profile profile, Profile.Precision precision, CommandLineOptions extra,
            Function<String, String> javaOfJdk, JmhOutput jmh) {
        this.profile = profile;
        this.precision = precision;
        this.extra = extra;
        this.javaOfJdk = javaOfJdk;
        this.jmh = jmh;
    }

    /**
     * Refines the entries of {@code timedFile} in place.
     *
     * @param firstPass what the first pass of the timed benchmarks took: divided by its forks, the cost expected of
     *     the first new fork
     */
    void run(Path timedFile, Instant deadline, Duration firstPass) throws IOException, RunnerException {
        JsonNode entries = RunDirectory.JSON.readTree(timedFile.toFile());
        Map<JsonNode, Integer> added = new IdentityHashMap<>();
        int forks = 0;
        for (JsonNode entry : entries) {
            forks += entry.path("forks").asInt(1);
            if (Refinement.timed(entry)) {
                SteadyState.cut((ObjectNode) entry);
            }
        }
        Duration nextCost = firstPass.dividedBy(Math.max(1, forks)).multipliedBy(precision.forksPerRound());
        rounds:
        for (int round = 1; round <= precision.maxRounds(); round++) {
            List<ObjectNode> over = Refinement.overTarget(entries, precision.target());
            if (over.isEmpty()) {
                break;
            }
            jmh.phase(String.format(Locale.ROOT, "[3b] refinement round %d, %d score(s) over %.0f%% error", round,
                    over.size(), 100 * precision.target()), over.size() * precision.forksPerRound());
            for (ObjectNode entry : over) {
                if (Instant.now().plus(nextCost).isAfter(deadline)) {
                    jmh.endLine();
                    System.out.println("  the time budget is spent");
                    break rounds;
                }
                Instant begin = Instant.now();
                measureAgain(entry, precision.forksPerRound(), timedFile.getParent());
                added.merge(entry, precision.forksPerRound(), Integer::sum);
                nextCost = Duration.between(begin, Instant.now());
            }
        }
        jmh.endLine();
        for (JsonNode entry : entries) {
            if (Refinement.timed(entry)) {
                Refinement.record((ObjectNode) entry, added.getOrDefault(entry, 0), precision.target());
            }
        }
        RunDirectory.JSON.writeValue(timedFile.toFile(), entries);
    }

    private void measureAgain(ObjectNode entry, int forks, Path directory) throws IOException, RunnerException {
        Invocation again = Refinement.of(entry);
        String java = javaOfJdk.apply(entry.path("params").path(Refinement.JDK).asText(null));
        Path part = Files.createTempFile(directory, "refine", ".json");
        try {
            ChainedOptionsBuilder options = profile.timed(RunCommand.options(again, extra)).forks(forks);
            if (java != null) {
                options.jvm(java);
            }
            RunCommand.runJmh(options, part, jmh);
            ObjectNode extraForks = (ObjectNode) RunDirectory.JSON.readTree(part.toFile()).get(0);
            SteadyState.cut(extraForks);
            ForkMerge.merge(entry, extraForks);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}

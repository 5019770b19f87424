package io.github.authbench.bench.cli;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.CompareSettings;
import io.github.authbench.results.Comparison;
import io.github.authbench.results.ComparisonFormat;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.cli.CompareCommand;
import io.github.authbench.results.cli.GateOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./authbench ab BASE CANDIDATE}: the regression gate on one machine. Builds each side once, runs the profile's
 * benchmarks with both sides' forks measuring in turns ({@link AbSession}), and ends with the comparison of the pairs
 * and the gate's exit status: 0 nothing regressed, 1 something did, 2 bad input.
 */
@Command(name = "ab", description = "Measure two versions side by side, iteration by iteration in turns, and gate: "
        + "exit 1 on a regression.")
final class AbCommand implements Callable<Integer> {

    /**
     * Fork pairs per benchmark when not told: two, the fewest that show how pairs scatter. In turns on the project's
     * 2-core machine they let the ci profile see a change of about 8.5% in 13 minutes; each pair more costs about 9 s
     * a benchmark (README, "Comparing two versions").
     */
    static final int DEFAULT_PAIRS = 2;

    /**
     * Pairs an undecided benchmark may get: a slowdown of about 10% of session's authenticate, whose pairs scatter by
     * 4-6% here, took 2 to 6 (README, "Comparing two versions").
     */
    static final int DEFAULT_MAX_PAIRS = 6;

    /** Minutes a session may take, builds included, before it stops adding pairs. */
    static final int DEFAULT_BUDGET_MINUTES = 15;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "a git ref (built here) or a built benchmarks.jar")
    String base;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "a git ref (built here) or a built benchmarks.jar")
    String candidate;

    @Option(names = "--profile", defaultValue = "ci", description = "whose benchmarks and settings (default ci)")
    String profile;

    @Option(names = "--store", defaultValue = "caffeine", description = "caffeine (default) or redis")
    String store;

    @Option(names = "--pairs", defaultValue = "" + DEFAULT_PAIRS,
            description = "fork pairs per benchmark, base first, then candidate first ... (default ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--max-pairs", defaultValue = "" + DEFAULT_MAX_PAIRS,
            description = "pairs a benchmark whose verdict more pairs could still turn may get, while the budget lasts"
                    + " (default ${DEFAULT-VALUE}; --max-pairs equal to --pairs for none more)")
    int maxPairs;

    @Option(names = "--budget", paramLabel = "MINUTES", defaultValue = "" + DEFAULT_BUDGET_MINUTES,
            description = "minutes the session may take, builds included, before it stops adding pairs "
                    + "(default ${DEFAULT-VALUE}; the pairs every benchmark gets are measured whatever it says)")
    int budgetMinutes;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "gate only the benchmarks whose name and strategy match, e.g. 'authenticate session$' "
                    + "(fewer benchmarks afford more pairs)")
    Pattern only;

    @Option(names = "--output", defaultValue = "results/ab", description = "where ab sessions go")
    Path output;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        Profile chosen = RunCommand.parse(Profile.class, profile, "--profile");
        StoreKind storeKind = RunCommand.parse(StoreKind.class, store, "--store");
        CompareSettings settings = gate.settings(spec);
        Path session = output.resolve("ab-" + RunCommand.stamp(Instant.now()));
        List<StoreKind> stores = chosen.stores(storeKind);
        List<AbSession.Step> plan = AbSession.plan(chosen, stores).stream()
                .filter(step -> only == null || only.matcher(step.invocation().label()).find()).toList();
        if (plan.isEmpty()) {
            throw new UsageException("--only " + only + " matches no benchmark of the " + RunCommand.name(chosen)
                    + " profile (names look like 'AuthenticateBenchmark.authenticate session')");
        }
        AbPairs abPairs = new AbPairs(pairs, maxPairs, started.plus(RunCommand.budget(budgetMinutes)), settings);
        AbSession interleaved = new AbSession(chosen, stores, plan, abPairs, session,
                line -> System.out.println("  " + line));
        Path root = repositoryRoot();
        AbSide.check("base", base, root);
        AbSide.check("candidate", candidate, root);
        Path work = Files.createTempDirectory("authbench-ab");
        List<Path> runs;
        try {
            System.out.println("authbench ab: " + base + " vs " + candidate + ", profile " + RunCommand.name(chosen)
                    + ", " + plan.size() + " benchmarks, " + pairs + " fork pairs each" + (abPairs.refines()
                    ? ", up to " + maxPairs + " for undecided ones within " + budgetMinutes + " minutes" : "")
                    + ", into " + session);
            AbSide baseSide = AbSide.resolve("base", base, root, work, null);
            AbSide candidateSide = AbSide.resolve("candidate", candidate, root, work, baseSide);
            Files.createDirectories(session);
            System.out.println("  JMH's output goes to " + session.resolve(RunCommand.JMH_LOG));
            runs = interleaved.run(baseSide, candidateSide);
        } finally {
            AbSide.cleanUp(root, work);
            deleteTree(work);
        }
        Comparison comparison = Comparison.of(RunDirectory.load(runs.get(0)), RunDirectory.load(runs.get(1)), settings);
        Files.writeString(session.resolve("comparison.md"), ComparisonFormat.MARKDOWN.render(comparison));
        Files.writeString(session.resolve("comparison.json"), ComparisonFormat.JSON.render(comparison));
        System.out.println();
        System.out.print(ComparisonFormat.TEXT.render(comparison));
        System.out.println("ab session: " + session.toAbsolutePath() + " (base/, candidate/, comparison.md, jmh.log)");
        return comparison.regressed() ? CompareCommand.REGRESSED : 0;
    }

    /** The repository this authbench was built in: its jar (or classes) sit in {@code benchmarks/target}. */
    private static Path repositoryRoot() {
        try {
            Path code = Path.of(AbCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("where authbench runs from is not a path", e);
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

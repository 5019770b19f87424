package io.github.authbench.bench.cli;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.Environment;
import io.github.authbench.results.Report;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.RunFindings;
import io.github.authbench.results.RunManifest;
import io.github.authbench.strategy.JwtLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./authbench run}: the exact pass, then the JMH benchmarks of a profile, into one self-describing run
 * directory, ending with a summary table and the report.
 */
@Command(name = "run", description = "Measure every strategy and write a run directory under results/runs/.")
final class RunCommand implements Callable<Integer> {

    /** JMH's whole output of a run, in its run directory. */
    static final String JMH_LOG = "jmh.log";

    @Option(names = "--profile", defaultValue = "quick",
            description = "smoke (proves the pipeline, < 2 min), quick (default, error bars, <= 10 min), "
                    + "ci (a pull-request gate, two forks, about 4 min), full (everything)")
    String profile;

    @Option(names = "--store", defaultValue = "caffeine",
            description = "caffeine (embedded, default) or redis (REDIS_URL, else Docker, else a local redis-server)")
    String store;

    @Option(names = "--output", defaultValue = "results/runs", description = "where run directories go")
    Path output;

    @Option(names = "--jvm", paramLabel = "PATH",
            description = "a JDK (its home, or its bin/java) to run the benchmarks on; repeat it to measure several JDKs "
                    + "side by side (default: the JDK running this command)")
    List<Path> jvms = new ArrayList<>();

    @Option(names = "--verbose", description = "stream JMH's own output (it always goes to jmh.log in the run directory)")
    boolean verbose;

    @Option(names = "--budget", paramLabel = "MINUTES",
            description = "quick and full: the whole run's time; refinement spends what the first pass and the shots "
                    + "leave of it (default: quick 9.5, full 59.5)")
    Integer budgetMinutes;

    @Option(names = "--target", paramLabel = "PERCENT",
            description = "quick and full: the 99.9%% error, in whole percent of the score, that refinement measures "
                    + "each timed score towards (default: quick 10, full 5)")
    Integer targetPercent;

    @Parameters(paramLabel = "JMH_ARGS", description = "more JMH options, after --, e.g. -- -prof gc")
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, RunnerException, CommandLineOptionException {
        Profile chosen = parse(Profile.class, profile, "--profile");
        StoreKind storeKind = parse(StoreKind.class, store, "--store");
        Profile.Precision precision = precision(chosen);
        CommandLineOptions extra = new CommandLineOptions(jmhArguments.toArray(new String[0]));
        List<StoreKind> stores = chosen.stores(storeKind);
        Instant started = Instant.now();
        Path run = output.resolve(stamp(started));
        Files.createDirectories(run);
        Environment environment = EnvironmentProbe.capture();
        System.out.println("authbench run: profile " + name(chosen) + ", stores " + stores + ", into " + run);
        if (precision.refines()) {
            System.out.printf(Locale.ROOT, "  target: every timed score's 99.9%% error under %.0f%% of it, within %s "
                    + "from now%n", 100 * precision.target(), StepClock.minutes(precision.budget()));
        }
        System.out.println("  on " + environment.oneLine());

        List<String> javas = javas();
        try (JmhOutput jmh = JmhOutput.open(run.resolve(JMH_LOG), verbose)) {
            System.out.println("  JMH's output goes to " + run.resolve(JMH_LOG) + (verbose ? " and here" : ""));
            System.out.println("[1/4] exact pass: sizes, store calls, exposure windows");
            jmh.phase("exact pass", chosen.strategies().size() * chosen.matrix.algorithms().size() * stores.size());
            ExactCommand.write(chosen, stores, run, jmh::tick);
            measure(chosen, precision, stores, javas, extra, run, started, environment, jmh);
        }
        RunDirectory written = RunDirectory.load(run);
        for (StoreKind shown : stores) {
            new SummaryTable(new RunFindings(written)).print(System.out, shown.name());
        }
        System.out.println();
        System.out.println("[4/4] report");
        for (Path report : Report.write(written)) {
            System.out.println("report: " + report.toAbsolutePath());
        }
        System.out.println("run directory: " + run.toAbsolutePath());
        return 0;
    }

    /**
     * The profile's precision target and budget, or those {@code --target} and {@code --budget} ask for: a user with a
     * quieter machine, or more time, can ask full for more than an hour gives here (docs/measurements.md, "Full within
     * the hour").
     */
    Profile.Precision precision(Profile chosen) {
        Profile.Precision precision = chosen.precision;
        if (budgetMinutes == null && targetPercent == null) {
            return precision;
        }
        if (!precision.refines()) {
            throw new UsageException("--budget and --target are for the quick and full profiles; " + name(chosen)
                    + " keeps its fixed recipe");
        }
        Duration budget = budgetMinutes == null ? precision.budget() : budget(budgetMinutes);
        if (targetPercent != null && (targetPercent < 1 || targetPercent > 99)) {
            throw new UsageException("--target takes a whole percentage from 1 to 99, not " + targetPercent);
        }
        return new Profile.Precision(targetPercent == null ? precision.target() : targetPercent / 100.0, budget,
                precision.forksPerRound(), precision.maxRounds());
    }

    /** {@code --budget}'s whole minutes, of {@code run} or {@code ab}; fewer than one is refused. */
    static Duration budget(int minutes) {
        if (minutes < 1) {
            throw new UsageException("--budget takes whole minutes, 1 or more, not " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    /** The JMH phases of a run, then its {@code run.json}. */
    private void measure(Profile chosen, Profile.Precision precision, List<StoreKind> stores, List<String> javas,
            CommandLineOptions extra, Path run, Instant started, Environment environment, JmhOutput jmh)
            throws IOException, RunnerException {
        Map<String, List<String>> parameters = parameters(chosen, stores);
        List<Invocation> timed = new ArrayList<>(RunPlan.timed(parameters, chosen.matrix));
        timed.addAll(RunPlan.libraryAxis(chosen.libraries, parameters));
        boolean severalJdks = javas.size() > 1;

        jmh.phase("[2/4] timed benchmarks", javas.size() * forks(timed));
        ResultParts timedParts = new ResultParts(run, RunDirectory.TIMED);
        Instant timedStarted = Instant.now();
        runAll(timed, javas, invocation -> chosen.timed(options(invocation, extra)), timedParts, jmh);
        Instant timedEnded = Instant.now();
        List<Invocation> shots = RunPlan.shots(parameters, chosen.matrix);
        jmh.phase("[3/4] shots (logout, revocation)", javas.size() * forks(shots));
        ResultParts shotParts = new ResultParts(run, RunDirectory.SHOTS);
        runAll(shots, javas, invocation -> chosen.shots(options(invocation, extra)), shotParts, jmh);
        jmh.endLine();
        Duration firstPass = Duration.between(timedStarted, timedEnded);
        List<ResultParts.Jdk> timedJdks = timedParts.merge(severalJdks);
        Set<ResultParts.Jdk> jdks = new LinkedHashSet<>(timedJdks);
        jdks.addAll(shotParts.merge(severalJdks));
        timedParts.removeParts();
        shotParts.removeParts();
        if (precision.refines()) {
            Instant deadline = started.plus(precision.budget());
            System.out.printf(Locale.ROOT, "[3b] refinement: the timed scores over %.0f%% error, measured again until "
                    + "%s%n", 100 * precision.target(), deadline);
            Map<String, String> javaByJdk = new LinkedHashMap<>();
            for (int i = 0; i < timedJdks.size() && i < javas.size(); i++) {
                javaByJdk.put(timedJdks.get(i).feature(), javas.get(i));
            }
            new RefinementLoop(chosen, precision, extra, javaByJdk::get, jmh).run(run.resolve(RunDirectory.TIMED),
                    deadline, firstPass);
        }
        // what the run measured: the default library, then those of the library axis
        parameters.put("codec", timed.stream().flatMap(invocation -> invocation.parameters().get("codec").stream())
                .distinct().toList());
        if (severalJdks) {
            parameters.put("jdk", jdks.stream().map(ResultParts.Jdk::feature).distinct().toList());
        }

        Instant finished = Instant.now();
        Map<String, Object> jmhSettings = jmhSettings(chosen, precision);
        RunDirectory.JSON.writeValue(run.resolve(RunDirectory.MANIFEST).toFile(), new RunManifest(
                RunManifest.SCHEMA_VERSION, name(chosen),
                stores.stream().map(StoreKind::name).toList(),
                stores.contains(StoreKind.REDIS) ? StoreKind.redisInThisJvm() : null,
                parameters, jmhSettings, jmhArguments, jdks.stream().map(ResultParts.Jdk::toString).toList(), started,
                finished, environment));
    }

    /** The benchmarks these invocations run, each as many times as the profile forks it: the phase's steps. */
    private static int forks(List<Invocation> invocations) {
        return invocations.stream().mapToInt(invocation -> invocation.perBenchmark().size()).sum();
    }

    /** The JMH settings of a profile with this precision, as {@code run.json} records them. */
    static Map<String, Object> jmhSettings(Profile profile, Profile.Precision precision) {
        Map<String, Object> jmhSettings = timing(profile.timing);
        jmhSettings.put("shots", timing(profile.shots));
        if (precision.refines()) {
            jmhSettings.put("precisionTarget", precision.target());
            jmhSettings.put("budgetSeconds", precision.budget().toSeconds());
            jmhSettings.put("maxRefinementRounds", precision.maxRounds());
        }
        return jmhSettings;
    }

    private static Map<String, Object> timing(Profile.Timing timing) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("forks", timing.forks());
        settings.put("warmupIterations", timing.warmupIterations());
        settings.put("warmupMillis", timing.warmupMillis());
        settings.put("measurementIterations", timing.measurementIterations());
        settings.put("iterationMillis", timing.iterationMillis());
        return settings;
    }

    /** The JMH parameters of a profile's run on these stores, on the default JWT library. */
    static Map<String, List<String>> parameters(Profile profile, List<StoreKind> stores) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("algorithm", profile.matrix.algorithms());
        parameters.put("payload", profile.matrix.payloads().stream().map(Payload::name).toList());
        parameters.put("store", stores.stream().map(StoreKind::name).toList());
        parameters.put("population", List.of(Integer.toString(profile.matrix.population())));
        parameters.put("codec", List.of(JwtLibrary.JJWT.id()));
        return parameters;
    }

    /** Runs every invocation on each JDK in turn, each into the next part of {@code parts}. */
    private static void runAll(List<Invocation> invocations, List<String> javas,
            Function<Invocation, ChainedOptionsBuilder> settings, ResultParts parts, JmhOutput jmh)
            throws RunnerException {
        for (String java : javas) {
            for (Invocation invocation : invocations) {
                ChainedOptionsBuilder options = settings.apply(invocation);
                if (java != null) {
                    options.jvm(java);
                }
                runJmh(options, parts.next(), jmh);
            }
        }
    }

    static ChainedOptionsBuilder options(Invocation invocation, CommandLineOptions extra) {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(extra);
        invocation.includes().forEach(options::include);
        invocation.parameters().forEach((name, values) -> options.param(name, values.toArray(new String[0])));
        return options.shouldFailOnError(true);
    }

    /** The java executables to fork, from {@code --jvm}; one null (this JDK) without it. */
    private List<String> javas() {
        List<String> javas = new ArrayList<>();
        for (Path jvm : jvms) {
            Path java = Files.isDirectory(jvm) ? jvm.resolve("bin").resolve("java") : jvm;
            if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
                throw new UsageException("--jvm " + jvm + ": no java executable there (give a JDK home or its bin/java)");
            }
            javas.add(java.toAbsolutePath().normalize().toString());
        }
        if (javas.isEmpty()) {
            javas.add(null);
        }
        return javas;
    }

    static void runJmh(ChainedOptionsBuilder options, Path jsonFile, JmhOutput jmh) throws RunnerException {
        jmh.run(options.resultFormat(ResultFormatType.JSON).result(jsonFile.toString()).build());
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A run directory's name: its start in UTC, to the second, so directories sort by time. */
    static String stamp(Instant started) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(name(constant));
        }
        throw new UsageException(option + " must be one of " + allowed + ", not '" + value + "'");
    }
}

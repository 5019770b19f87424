package io.github.authbench.bench.cli;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.Comparison;
import io.github.authbench.results.ComparisonDesign;
import io.github.authbench.results.Environment;
import io.github.authbench.results.JmhJson;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.RunManifest;
import io.github.authbench.results.TimedChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The core of {@code ./authbench ab}: a profile's benchmarks on two sides, one benchmark at a time. Both sides' forks
 * of it start together and measure their iterations in turns ({@link TurnTable}), base first in pair 1, candidate
 * first in pair 2, so the i-th iterations of the two sides run within a few hundred milliseconds on one CPU and the
 * machine's slow seconds hit both. A side whose suite is older than turns runs the earlier way: one fork at a time,
 * base then candidate in pair 1, candidate then base in pair 2 (A B B A ...). Each side becomes a complete run
 * directory whose entries hold the forks in pair order ({@link ResultParts}), and whose {@code run.json} names the
 * session and its design ({@link ComparisonDesign#SESSION}, {@link ComparisonDesign#IN_TURNS}), from which
 * {@code compare} pairs them. After the pairs every benchmark gets, those whose verdict more pairs could still turn
 * get more, one at a time, while the budget lasts ({@link AbPairs}).
 */
final class AbSession {

    /** One benchmark of the plan (one fork a side per pair), timed or shots: its kind's JMH settings. */
    record Step(Invocation invocation, boolean singleShots) {
    }

    private final Profile profile;
    private final List<StoreKind> stores;
    private final List<Step> plan;
    private final AbPairs pairs;
    private final Path directory;
    private final Consumer<String> progress;

    /**
     * @param plan what to measure, {@link #plan} of the profile but in tests
     * @param directory the session's directory: the sides' run directories and {@code jmh.log} go in it
     */
    AbSession(Profile profile, List<StoreKind> stores, List<Step> plan, AbPairs pairs, Path directory,
            Consumer<String> progress) {
        this.profile = profile;
        this.stores = stores;
        this.plan = plan;
        this.pairs = pairs;
        this.directory = directory;
        this.progress = progress;
    }

    /**
     * The profile's run plan on these stores ({@link RunPlan}: timed invocations, the library axis, then shots), one
     * step per benchmark method and combination of its parameters: a step is one fork, so the two sides' forks of a
     * benchmark run seconds apart, not minutes (forks of whole invocations, a minute and a half apart, differed by up
     * to 2x between pairs here in an A/A: the machine's speed came and went with that period).
     */
    static List<Step> plan(Profile profile, List<StoreKind> stores) {
        Map<String, List<String>> parameters = RunCommand.parameters(profile, stores);
        List<Step> steps = new ArrayList<>();
        List<Invocation> timed = new ArrayList<>(RunPlan.timed(parameters, profile.matrix));
        timed.addAll(RunPlan.libraryAxis(profile.libraries, parameters));
        timed.forEach(invocation -> invocation.perBenchmark().forEach(one -> steps.add(new Step(one, false))));
        RunPlan.shots(parameters, profile.matrix).forEach(invocation -> invocation.perBenchmark()
                .forEach(one -> steps.add(new Step(one, true))));
        return steps;
    }

    /**
     * Measures both sides into {@code directory/base} and {@code directory/candidate}: {@link AbPairs#each} pairs of
     * every step, then more pairs of the undecided ones ({@link #refine}); returns the two run directories.
     */
    List<Path> run(AbSide base, AbSide candidate) throws IOException {
        Measurement measurement = new Measurement(List.of(base, candidate), Instant.now());
        exactPasses(measurement.sides, measurement.log);
        progress.accept(measurement.turns ? "both sides' forks of a benchmark run together, measuring their iterations "
                + "in turns" : "a side without turns (older than them): one fork at a time, A B B A");
        StepClock clock = new StepClock(pairs.each() * plan.size() * (measurement.turns ? 1 : 2));
        for (int pair = 0; pair < pairs.each(); pair++) {
            for (int index = 0; index < plan.size(); index++) {
                measurement.pair(index, clock, "pair " + (pair + 1) + " of " + pairs.each());
            }
        }
        List<Path> runs = measurement.write();
        if (pairs.refines()) {
            runs = refine(measurement, runs);
        }
        for (ResultParts parts : measurement.parts) {
            parts.removeParts();
        }
        return runs;
    }

    /**
     * Gives the undecided benchmarks one more pair each, the likeliest regression first, round after round, until
     * every benchmark is decided or has {@link AbPairs#most} pairs, or the next pair would end after the deadline.
     * Each round decides from a comparison of everything measured so far, as the final one does.
     *
     * @param runs both sides' run directories as written so far
     * @return the run directories with every pair measured
     */
    private List<Path> refine(Measurement measurement, List<Path> runs) throws IOException {
        while (true) {
            Comparison so = Comparison.of(RunDirectory.load(runs.get(0)), RunDirectory.load(runs.get(1)), pairs.gate());
            List<Undecided> order = undecided(so.timed(), measurement.stepOfResult, measurement.pairsOf, pairs);
            if (order.isEmpty()) {
                progress.accept("every benchmark decided (or at " + pairs.most() + " pairs)");
                return runs;
            }
            progress.accept(String.format(Locale.ROOT, "%d undecided (worse by over %.1f%%, and the interval reaches "
                    + "both sides of %.1f%%): one more pair each, likeliest regression first", order.size(),
                    pairs.gate().thresholdPercent() / 2, pairs.gate().thresholdPercent()));
            StepClock clock = new StepClock(order.size() * (measurement.turns ? 1 : 2));
            for (Undecided one : order) {
                if (Instant.now().plus(measurement.took[one.step()]).isAfter(pairs.deadline())) {
                    progress.accept("the budget ends before another pair would: the rest stay as they are");
                    return runs;
                }
                TimedChange change = one.change();
                progress.accept(String.format(Locale.ROOT, "%s: %+.1f%% (%+.1f .. %+.1f) after %d pairs",
                        plan.get(one.step()).invocation().label(), change.changePercent(), change.lowPercent(),
                        change.highPercent(), measurement.pairsOf[one.step()]));
                measurement.pair(one.step(), clock, "pair " + (measurement.pairsOf[one.step()] + 1) + " of up to "
                        + pairs.most());
            }
            runs = measurement.write();
        }
    }

    /** A step of the plan whose verdict more pairs could still turn, and its least decided change. */
    record Undecided(int step, TimedChange change) {
    }

    /**
     * The steps to give one more pair, the likeliest regression first: those with a change more pairs could still
     * turn ({@link TimedChange#undecided}) and fewer than {@link AbPairs#most} pairs. A step that measured several
     * results counts once, by its most suspect one.
     *
     * @param stepOfResult the step that measured each result, by the result's key
     * @param pairsOf      the pairs each step has
     */
    static List<Undecided> undecided(List<TimedChange> changes, Map<String, Integer> stepOfResult, int[] pairsOf,
            AbPairs pairs) {
        double threshold = pairs.gate().thresholdPercent();
        Map<Integer, TimedChange> byStep = new LinkedHashMap<>();
        for (TimedChange change : changes) {
            Integer step = stepOfResult.get(change.benchmark());
            if (step != null && pairsOf[step] < pairs.most() && change.undecided(threshold)) {
                byStep.merge(step, change, (a, b) -> a.suspicion(threshold) >= b.suspicion(threshold) ? a : b);
            }
        }
        return byStep.entrySet().stream().map(entry -> new Undecided(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble((Undecided one) -> one.change().suspicion(threshold)).reversed())
                .toList();
    }

    /** What the session has measured so far: each side's result parts, and per step its pairs, time and results. */
    private final class Measurement {
        final List<AbSide> sides;
        final Instant started;
        final Path log = directory.resolve(RunCommand.JMH_LOG);
        final boolean turns;
        /** Timed parts of base and candidate, then shot parts of base and candidate. */
        final List<ResultParts> parts = new ArrayList<>();
        final int[] pairsOf = new int[plan.size()];
        /** How long each step's last pair took: what its next one is expected to take. */
        final Duration[] took = new Duration[plan.size()];
        /** The step that measured each result (a result's key, as a comparison names it). */
        final Map<String, Integer> stepOfResult = new HashMap<>();

        Measurement(List<AbSide> sides, Instant started) {
            this.sides = sides;
            this.started = started;
            this.turns = sides.get(0).takesTurns() && sides.get(1).takesTurns();
            for (String kind : List.of(RunDirectory.TIMED, RunDirectory.SHOTS)) {
                for (AbSide side : sides) {
                    parts.add(new ResultParts(directory.resolve(side.name()), kind));
                }
            }
        }

        /** One more pair of forks of step {@code index}: base first in odd pairs, candidate first in even ones. */
        void pair(int index, StepClock clock, String which) throws IOException {
            Step step = plan.get(index);
            int first = pairsOf[index] % 2;
            List<Path> into = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                into.add(parts.get((step.singleShots() ? 2 : 0) + side).next());
            }
            List<String> settings = profile.oneForkArguments(step.singleShots());
            Instant start = Instant.now();
            if (turns) {
                clock.step();
                progress.accept(progressLine(clock, which, "both sides in turns", step));
                inTurns(sides, step.invocation(), settings, into, first, log);
            } else {
                for (int side : first == 0 ? List.of(0, 1) : List.of(1, 0)) {
                    clock.step();
                    progress.accept(progressLine(clock, which, sides.get(side).label(), step));
                    JmhFork.run(sides.get(side), step.invocation(), settings, into.get(side), log);
                }
            }
            took[index] = Duration.between(start, Instant.now());
            if (pairsOf[index]++ == 0) {
                // a step measures the same results in every pair: its first pair names them (a side may lack one)
                for (Path part : into) {
                    JmhJson.read(part).forEach(result -> stepOfResult.put(result.key(), index));
                }
            }
        }

        /** Both sides' run directories from everything measured so far (the parts stay, for more pairs). */
        List<Path> write() throws IOException {
            Instant finished = Instant.now();
            List<Path> runs = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                Set<String> jdks = new LinkedHashSet<>();
                parts.get(index).merge(false).forEach(jdk -> jdks.add(jdk.toString()));
                parts.get(2 + index).merge(false).forEach(jdk -> jdks.add(jdk.toString()));
                Path run = directory.resolve(sides.get(index).name());
                writeManifest(sides.get(index), run, RunCommand.parameters(profile, stores), List.copyOf(jdks), turns,
                        started, finished);
                runs.add(run);
            }
            return runs;
        }
    }

    /**
     * Both sides' forks of one step, started together, measuring in turns; {@code first} goes first. Iterations a fork
     * measured alone (the other's fork failed, or its suite lacks the benchmark) are said in the progress lines too:
     * their pair's change then compares iterations that did not share the machine's seconds.
     */
    private void inTurns(List<AbSide> sides, Invocation invocation, List<String> settings, List<Path> parts,
            int first, Path log) throws IOException {
        try (TurnTable table = new TurnTable()) {
            List<JmhFork.Started> started = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                started.add(JmhFork.start(sides.get(index), invocation, settings, List.of(table.forkOption(index)),
                        parts.get(index)));
            }
            TurnTable.Served served;
            try {
                served = table.serve(started.stream().map(JmhFork.Started::process).toList(), first);
            } finally {
                // both JMHs end and both outputs reach the log, even when the first one failed
                UsageException failed = null;
                for (JmhFork.Started one : started) {
                    try {
                        JmhFork.finish(one, log);
                    } catch (UsageException e) {
                        failed = failed == null ? e : failed;
                    }
                }
                if (failed != null) {
                    throw failed;
                }
            }
            String turns = String.format(Locale.ROOT, "%d rounds in turns, %d iterations alone", served.rounds(),
                    served.alone());
            Files.writeString(log, "### turns of " + invocation.label() + ": " + turns + "\n",
                    StandardOpenOption.APPEND);
            if (served.alone() > 0) {
                progress.accept("  " + invocation.label() + ": " + turns + " (jmh.log says why)");
            }
        }
    }

    private static String progressLine(StepClock clock, String which, String sides, Step step) {
        String left = clock.left().map(time -> String.format(Locale.ROOT, ", about %s left", StepClock.minutes(time)))
                .orElse("");
        return String.format(Locale.ROOT, "[%d/%d] %s, %s: %s (%s elapsed%s)", clock.done(), clock.total(), which,
                sides, step.invocation().label(), StepClock.minutes(clock.elapsed()), left);
    }

    /**
     * Each side's own exact pass, by the side's own command ({@code exact}), both at once: they count bytes and calls,
     * not time. A side too old to have the command gets no exact measurements, which the comparison then lists as on
     * one side only.
     */
    private void exactPasses(List<AbSide> sides, Path log) throws IOException {
        progress.accept("exact pass of both sides (sizes, store calls, windows; not timed)");
        List<Process> processes = new ArrayList<>();
        for (AbSide side : sides) {
            Path run = directory.resolve(side.name());
            Files.createDirectories(run);
            // as ./authbench starts itself: JOL then measures server memory through the JDK's Instrumentation (the
            // same sizes as without it here, minus a warning in the log)
            processes.add(new ProcessBuilder(JmhFork.java(), "-Djdk.attach.allowAttachSelf=true", "-cp",
                    side.classpath(), AuthbenchCommand.class.getName(), "exact", "--profile", RunCommand.name(profile),
                    "--store", RunCommand.name(stores.get(0)), "--into", run.toString()).redirectErrorStream(true)
                    .redirectOutput(run.resolve("exact.log").toFile()).start());
        }
        for (int i = 0; i < sides.size(); i++) {
            AbSide side = sides.get(i);
            Path run = directory.resolve(side.name());
            int status = JmhFork.waitFor(processes.get(i));
            Files.writeString(log, "### exact pass of " + side.label() + "\n" + Files.readString(run.resolve("exact.log")),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.delete(run.resolve("exact.log"));
            if (status != 0) {
                progress.accept(side.label() + " has no exact pass command (older than ab): its exact measurements "
                        + "are left out");
                RunDirectory.JSON.writeValue(run.resolve(RunDirectory.STRATEGIES).toFile(), List.of());
                RunDirectory.JSON.writeValue(run.resolve(RunDirectory.EXACT).toFile(), List.of());
            }
        }
    }

    private void writeManifest(AbSide side, Path run, Map<String, List<String>> parameters, List<String> jdks,
            boolean turns, Instant started, Instant finished) throws IOException {
        Map<String, Object> jmh = RunCommand.jmhSettings(profile, profile.precision);
        jmh.put("forks", pairs.each());
        jmh.put(ComparisonDesign.SESSION, directory.getFileName().toString());
        jmh.put(ComparisonDesign.IN_TURNS, turns);
        Environment here = EnvironmentProbe.capture();
        Environment environment = new Environment(here.jdkVendor(), here.jdkVersion(), here.jvm(), here.os(),
                here.cpu(), here.cores(), here.memoryBytes(), side.commit(), here.libraries());
        RunDirectory.JSON.writeValue(run.resolve(RunDirectory.MANIFEST).toFile(), new RunManifest(
                RunManifest.SCHEMA_VERSION, RunCommand.name(profile), stores.stream().map(StoreKind::name).toList(),
                null, parameters, jmh, List.of(), jdks, started, finished, environment));
    }
}

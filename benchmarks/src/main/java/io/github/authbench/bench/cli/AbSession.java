package io.github.authbench.bench.cli;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.ComparisonDesign;
import io.github.authbench.results.Environment;
import io.github.authbench.results.RunDirectory;
import io.github.authbench.results.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code compare} pairs them.
 */
final class AbSession {

    /** One benchmark of the plan (one fork a side per pair), timed or shots: its kind's JMH settings. */
    record Step(Invocation invocation, boolean singleShots) {
    }

    private final Profile profile;
    private final List<StoreKind> stores;
    private final List<Step> plan;
    private final int pairs;
    private final Path directory;
    private final Consumer<String> progress;

    /**
     * @param plan what to measure, {@link #plan} of the profile but in tests
     * @param directory the session's directory: the sides' run directories and {@code jmh.log} go in it
     */
    AbSession(Profile profile, List<StoreKind> stores, List<Step> plan, int pairs, Path directory,
            Consumer<String> progress) {
        if (pairs < 2) {
            throw new UsageException("--pairs must be 2 or more (one pair shows no scatter), not " + pairs);
        }
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

    /** Measures both sides into {@code directory/base} and {@code directory/candidate}; returns the two. */
    List<Path> run(AbSide base, AbSide candidate) throws IOException {
        List<AbSide> sides = List.of(base, candidate);
        Path log = directory.resolve(RunCommand.JMH_LOG);
        Instant started = Instant.now();
        exactPasses(sides, log);
        List<ResultParts> timedParts = new ArrayList<>();
        List<ResultParts> shotParts = new ArrayList<>();
        for (AbSide side : sides) {
            timedParts.add(new ResultParts(directory.resolve(side.name()), RunDirectory.TIMED));
            shotParts.add(new ResultParts(directory.resolve(side.name()), RunDirectory.SHOTS));
        }
        boolean turns = base.takesTurns() && candidate.takesTurns();
        progress.accept(turns ? "both sides' forks of a benchmark run together, measuring their iterations in turns"
                : "a side without turns (older than them): one fork at a time, A B B A");
        StepClock clock = new StepClock(pairs * plan.size() * (turns ? 1 : 2));
        for (int pair = 0; pair < pairs; pair++) {
            for (Step step : plan) {
                // A B in even pairs, B A in odd ones
                List<Integer> order = pair % 2 == 0 ? List.of(0, 1) : List.of(1, 0);
                List<Path> parts = new ArrayList<>();
                for (int index = 0; index < 2; index++) {
                    parts.add((step.singleShots() ? shotParts : timedParts).get(index).next());
                }
                List<String> settings = profile.oneForkArguments(step.singleShots());
                if (turns) {
                    clock.step();
                    progress.accept(progressLine(clock, pair, "both sides in turns", step));
                    inTurns(sides, step.invocation(), settings, parts, order.get(0), log);
                    continue;
                }
                for (int index : order) {
                    AbSide side = sides.get(index);
                    clock.step();
                    progress.accept(progressLine(clock, pair, side.label(), step));
                    JmhFork.run(side, step.invocation(), settings, parts.get(index), log);
                }
            }
        }
        Instant finished = Instant.now();
        List<Path> runs = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            Set<String> jdks = new LinkedHashSet<>();
            timedParts.get(index).merge(false).forEach(jdk -> jdks.add(jdk.toString()));
            shotParts.get(index).merge(false).forEach(jdk -> jdks.add(jdk.toString()));
            Path run = directory.resolve(sides.get(index).name());
            writeManifest(sides.get(index), run, RunCommand.parameters(profile, stores), List.copyOf(jdks), turns,
                    started, finished);
            runs.add(run);
        }
        return runs;
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

    private String progressLine(StepClock clock, int pair, String sides, Step step) {
        String left = clock.left().map(time -> String.format(Locale.ROOT, ", about %s left", StepClock.minutes(time)))
                .orElse("");
        return String.format(Locale.ROOT, "[%d/%d] pair %d of %d, %s: %s (%s elapsed%s)", clock.done(), clock.total(),
                pair + 1, pairs, sides, step.invocation().label(), StepClock.minutes(clock.elapsed()), left);
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
            processes.add(new ProcessBuilder(JmhFork.java(), "-cp", side.classpath(), AuthbenchCommand.class.getName(),
                    "exact", "--profile", RunCommand.name(profile), "--store", RunCommand.name(stores.get(0)),
                    "--into", run.toString()).redirectErrorStream(true)
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
        Map<String, Object> jmh = RunCommand.jmhSettings(profile);
        jmh.put("forks", pairs);
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

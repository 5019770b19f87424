package io.github.authbench.bench.http;

import io.github.authbench.results.Environment;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * What a sweep found, as a person reads it (the table, the report) and as tools read it ({@code http.json}, one
 * HdrHistogram log per target whose intervals are the rates, tagged {@code rate-N}).
 */
public final class HttpRun {

    /** Percentiles every step reports. */
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final SweepSettings settings;
    private final CpuPlacement placement;
    private final String driver;
    private final Environment machine;
    private final List<TargetResult> targets;
    private final Duration elapsed;

    /** {@code driver}: how the driver sent, as {@link OpenLoadDriver#transport()} says. */
    public HttpRun(SweepSettings settings, CpuPlacement placement, String driver, Environment machine,
            List<TargetResult> targets, Duration elapsed) {
        this.settings = settings;
        this.placement = placement;
        this.driver = driver;
        this.machine = machine;
        this.targets = List.copyOf(targets);
        this.elapsed = elapsed;
    }

    /** The step a target met the objective at its highest rate, if any rate met it. */
    static Optional<LoadStep> best(TargetResult target) {
        return at(target, target.climb().highestMeeting());
    }

    /** The last step measured at this rate (a rate that missed once was measured again). */
    static Optional<LoadStep> at(TargetResult target, double rate) {
        return target.climb().steps().stream().filter(s -> s.offeredRate() == rate).reduce((first, second) -> second);
    }

    Optional<TargetResult> ping() {
        return targets.stream().filter(TargetResult::isPing).findFirst();
    }

    List<TargetResult> strategies() {
        return targets.stream().filter(t -> !t.isPing()).toList();
    }

    /** The highest rate a target sustained, {@code >= N/s} when the ladder's top was not enough to find its limit. */
    static String highest(TargetResult target) {
        return highest(target.climb());
    }

    /** The highest rate a climb sustained, written as {@link #highest(TargetResult)} writes a row's. */
    static String highest(RateLadder.Climb climb) {
        if (climb.highestMeeting() == 0) {
            return "< " + String.format(Locale.ROOT, "%,.0f/s", climb.steps().get(0).offeredRate())
                    + (climb.limit() == RateLadder.Limit.DRIVER ? " (d)" : "");
        }
        String rate = String.format(Locale.ROOT, "%,.0f/s", climb.highestMeeting());
        return switch (climb.limit()) {
            case SERVER -> rate;
            case LADDER -> ">= " + rate;
            case DRIVER -> ">= " + rate + " (d)";
        };
    }

    /** The p50 a strategy adds to /ping at the same offered rate, when both met the objective there. */
    Optional<Long> p50OverPing(TargetResult target, double rate) {
        Optional<LoadStep> mine = at(target, rate).filter(s -> s.meets(settings.sloMicros()));
        Optional<LoadStep> baseline = ping().flatMap(p -> at(p, rate)).filter(s -> s.meets(settings.sloMicros()));
        if (mine.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mine.get().percentileMicros(50) - baseline.get().percentileMicros(50));
    }

    /** The sentences that say whether the numbers can be trusted: the driver's lateness and /ping's headroom. */
    List<String> checks() {
        List<String> lines = new ArrayList<>();
        Optional<TargetResult> top = targets.stream().filter(t -> best(t).isPresent())
                .max(Comparator.comparingDouble(t -> t.climb().highestMeeting()));
        if (top.isPresent()) {
            LoadStep highest = best(top.get()).orElseThrow();
            long lag = highest.lagMicros(99);
            lines.add(String.format(Locale.ROOT, "driver lag p99 at the highest rate reported (%s, %,.0f/s): %s, %s",
                    top.get().name(), highest.offeredRate(), Micros.format(lag),
                    lag < LoadStep.LAG_LIMIT_MICROS ? "under 1 ms: the driver kept its schedule" : "NOT under 1 ms"));
        }
        if (targets.stream().anyMatch(t -> t.climb().limit() == RateLadder.Limit.DRIVER)) {
            lines.add("(d): the rate above it missed while the driver ran late enough to explain it (lag p99 >= 1 ms): "
                    + "maybe the driver's limit");
        }
        List<String> unsettled = new ArrayList<>();
        for (TargetResult target : targets) {
            List<TargetResult.ServerRun> servers = target.servers();
            for (int i = 0; i < servers.size(); i++) {
                if (!servers.get(i).warmup().settled()) {
                    unsettled.add(target.name() + (servers.size() > 1 ? " (server " + (i + 1) + ")" : ""));
                }
            }
        }
        if (!unsettled.isEmpty()) {
            lines.add("warm-up did NOT settle for " + String.join(", ", unsettled) + " within "
                    + settings.warmup().limit().toSeconds() + " s (its server still compiling, or its rate still moving):"
                    + " its limit may be a cold server's");
        }
        for (TargetResult target : targets) {
            failures(target).ifPresent(lines::add);
        }
        Optional<TargetResult> ping = ping();
        Optional<TargetResult> slowest = strategies().stream().filter(t -> t.climb().highestMeeting() > 0)
                .min(Comparator.comparingDouble(t -> t.climb().highestMeeting()));
        if (ping.isPresent() && slowest.isPresent()) {
            double ratio = ping.get().climb().highestMeeting() / slowest.get().climb().highestMeeting();
            lines.add(String.format(Locale.ROOT, "/ping sustained %s%.1fx the slowest strategy's rate (%s, %s)",
                    ping.get().climb().atLeast() ? ">= " : "", ratio, slowest.get().name(), highest(slowest.get())));
        }
        return lines;
    }

    /** What failed in a target's measured windows, on all its servers, by kind; empty when nothing did. */
    static Optional<String> failures(TargetResult target) {
        Map<String, Long> kinds = new TreeMap<>();
        target.servers().stream().flatMap(server -> server.climb().steps().stream())
                .forEach(step -> step.failures().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: %,d measured requests failed (%s); a step with a failure "
                + "counts as missed", target.name(), LoadStep.total(kinds), LoadStep.describe(kinds)));
    }

    /** The closing table: one line per target, within 100 columns. */
    public void print(PrintStream out) {
        double firstRung = settings.ladder().first();
        out.println();
        out.printf(Locale.ROOT, "%-20s %16s %9s %9s %9s %13s %9s%n", "", "highest rate", "", "", "", "p50 over",
                "driver");
        out.printf(Locale.ROOT, "%-20s %16s %9s %9s %9s %13s %9s%n", "target",
                "p99 <= " + Micros.format(settings.sloMicros()), "p50", "p99", "p99.9",
                "/ping " + LatencyChart.rate(firstRung) + "/s", "lag p99");
        for (TargetResult target : targets) {
            Optional<LoadStep> best = best(target);
            out.printf(Locale.ROOT, "%-20s %16s %9s %9s %9s %13s %9s%n", target.name(), highest(target),
                    best.map(s -> Micros.format(s.percentileMicros(50))).orElse("-"),
                    best.map(s -> Micros.format(s.percentileMicros(99))).orElse("-"),
                    best.map(s -> Micros.format(s.percentileMicros(99.9))).orElse("-"),
                    target.isPing() ? "" : p50OverPing(target, firstRung).map(HttpRun::signed).orElse("-"),
                    best.map(s -> Micros.format(s.lagMicros(99))).orElse("-"));
        }
        out.println("p50 .. p99.9 at the highest rate within the objective; loopback, no TLS");
        if (settings.servers() > 1) {
            out.println("each strategy on " + settings.servers() + " server JVMs, one after another; its row is the "
                    + "median server's. Each server's highest rate:");
            strategies().forEach(target -> out.printf(Locale.ROOT, "  %-20s %s%n", target.name(),
                    serverLimits(target)));
        }
        checks().forEach(out::println);
    }

    /**
     * Each server's highest rate, in the order they ran, and the spread between them: {@code 9,514/s, 11,314/s
     * (1.19x)}.
     */
    static String serverLimits(TargetResult target) {
        List<RateLadder.Climb> climbs = target.servers().stream().map(TargetResult.ServerRun::climb).toList();
        double low = climbs.stream().mapToDouble(RateLadder.Climb::highestMeeting).min().orElseThrow();
        double high = climbs.stream().mapToDouble(RateLadder.Climb::highestMeeting).max().orElseThrow();
        return String.join(", ", climbs.stream().map(HttpRun::highest).toList())
                + (low > 0 ? String.format(Locale.ROOT, " (%.2fx)", high / low) : "");
    }

    /** Writes {@code http.json}, {@code report.md}, the charts and the HdrHistogram logs; returns the main files. */
    public List<Path> write(Path run) throws IOException {
        Path hdr = Files.createDirectories(run.resolve("hdr"));
        Path charts = Files.createDirectories(run.resolve("charts"));
        TargetResult ping = ping().orElse(null);
        for (TargetResult target : targets) {
            writeLog(target, hdr.resolve(target.name() + ".hlog"));
            Files.writeString(charts.resolve(target.name() + ".svg"),
                    LatencyChart.svg(target, ping, settings.sloMicros()));
        }
        Path json = run.resolve("http.json");
        RunDirectory.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), json());
        Path report = run.resolve("report.md");
        Files.writeString(report, new HttpReport(this).markdown());
        return List.of(report, json);
    }

    private static void writeLog(TargetResult target, Path file) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            boolean several = target.servers().size() > 1;
            writer.outputComment("authbench http: " + target.name() + " (" + target.setup() + "), latency in "
                    + "microseconds from each request's due time; one interval per offered rate"
                    + (several ? ", tagged server-K-rate-N for the K-th server JVM" : ""));
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (int k = 1; k <= target.servers().size(); k++) {
                for (LoadStep step : target.servers().get(k - 1).climb().steps()) {
                    writeInterval(writer, step, (several ? "server-" + k + "-" : "") + "rate-"
                            + Math.round(step.offeredRate()));
                }
            }
        }
    }

    private static void writeInterval(HistogramLogWriter writer, LoadStep step, String tag) {
        Histogram tagged = step.latency().copy();
        tagged.setTag(tag);
        tagged.setStartTimeStamp(step.latency().getStartTimeStamp());
        tagged.setEndTimeStamp(step.latency().getEndTimeStamp());
        writer.outputIntervalHistogram(tagged);
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", machine);
        root.put("placement", placement.describe());
        root.put("driver", driver);
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("sloMicros", settings.sloMicros());
        sweep.put("rungs", settings.ladder().rungs());
        sweep.put("refinements", settings.ladder().refinements());
        sweep.put("warmup", settings.warmup().describe());
        sweep.put("settleMillis", settings.settle().toMillis());
        sweep.put("measureMillis", settings.measure().toMillis());
        sweep.put("timeoutMillis", settings.timeout().toMillis());
        sweep.put("users", settings.population());
        sweep.put("connections", settings.connections());
        sweep.put("serversPerStrategy", settings.servers());
        sweep.put("loginEvery", settings.loginEvery());
        sweep.put("elapsedSeconds", elapsed.toSeconds());
        root.put("sweep", sweep);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TargetResult target : targets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", target.name());
            row.put("setup", target.setup());
            row.putAll(server(target.median()));
            if (target.servers().size() > 1) {
                // The row above is the median server's; here is every server's, in the order they ran.
                row.put("medianServer", target.servers().indexOf(target.median()) + 1);
                row.put("servers", target.servers().stream().map(this::server).toList());
            }
            rows.add(row);
        }
        root.put("targets", rows);
        return root;
    }

    /** One server's warm-up and climb: a row's figures, or one entry of its {@code servers}. */
    private Map<String, Object> server(TargetResult.ServerRun server) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("warmup", warmup(server.warmup()));
        json.put("highestRateMeetingSlo", server.climb().highestMeeting());
        json.put("limitedBy", server.climb().limit().name());
        json.put("steps", steps(server.climb()));
        return json;
    }

    private static Map<String, Object> warmup(OpenLoadDriver.Warmup warmup) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", warmup.requests());
        json.put("seconds", warmup.took().toMillis() / 1e3);
        json.put("lastRoundRate", Math.round(warmup.lastRate()));
        json.put("lastRoundCompileMillis", warmup.lastRoundCompileMillis());
        json.put("settled", warmup.settled());
        return json;
    }

    private List<Map<String, Object>> steps(RateLadder.Climb climb) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (LoadStep step : climb.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("offeredRate", step.offeredRate());
            s.put("scheduled", step.scheduled());
            s.put("failed", step.failed());
            s.put("failures", step.failures());
            s.put("meetsSlo", step.meets(settings.sloMicros()));
            Map<String, Long> latency = new LinkedHashMap<>();
            for (double p : PERCENTILES) {
                latency.put("p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)),
                        step.percentileMicros(p));
            }
            latency.put("max", step.latency().getMaxValue());
            s.put("latencyMicros", latency);
            s.put("lagMicros", Map.of("p99", step.lagMicros(99), "max", step.lag().getMaxValue()));
            steps.add(s);
        }
        return steps;
    }

    static String signed(long micros) {
        return (micros >= 0 ? "+" : "-") + Micros.format(Math.abs(micros));
    }

    SweepSettings settings() {
        return settings;
    }

    CpuPlacement placement() {
        return placement;
    }

    String driver() {
        return driver;
    }

    Environment machine() {
        return machine;
    }

    List<TargetResult> targets() {
        return targets;
    }

    Duration elapsed() {
        return elapsed;
    }
}

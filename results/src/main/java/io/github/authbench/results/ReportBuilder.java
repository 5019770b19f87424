package io.github.authbench.results;

import io.github.authbench.results.ReportBlock.Bullets;
import io.github.authbench.results.ReportBlock.Chart;
import io.github.authbench.results.ReportBlock.Heading;
import io.github.authbench.results.ReportBlock.Paragraph;
import io.github.authbench.results.ReportBlock.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns one run into report blocks: the environment, a headline table per store, charts, the claims with this run's
 * numbers, the properties matrix, and one table per benchmark with every error bar.
 */
public final class ReportBuilder {

    private static final double MINUTE = 60e9;

    private final RunFindings findings;
    private final RunManifest manifest;
    private final List<ReportBlock> blocks = new ArrayList<>();

    private ReportBuilder(RunDirectory run) {
        this.findings = new RunFindings(run);
        this.manifest = run.manifest();
    }

    public static List<ReportBlock> build(RunDirectory run) {
        ReportBuilder builder = new ReportBuilder(run);
        builder.environment();
        for (String store : builder.findings.stores()) {
            builder.headline(store);
            builder.libraries(store);
            builder.charts(store);
        }
        builder.jdks();
        builder.blocks.add(new Heading(2, "Claims and measurements", "claims"));
        builder.blocks.add(new Paragraph("Each claim of the folklore, with what this run measured. The sentences are "
                + "computed from the numbers above; a claim the run has no data for says what to run."));
        builder.blocks.add(new Bullets(new FolkloreClaims(builder.findings).sentences()));
        PropertiesMatrix.add(builder.findings, builder.blocks);
        builder.precision();
        builder.detail();
        return List.copyOf(builder.blocks);
    }

    private void environment() {
        Environment env = manifest.environment();
        blocks.add(new Heading(1, "authbench report: sessions or JWTs, measured", "top"));
        Duration took = Duration.between(manifest.started(), manifest.finished());
        blocks.add(new Paragraph(String.format(Locale.ROOT, "Run %s, profile %s, stores %s, started %s, took %d min %d s. "
                        + "Every number here is from this run on this machine: %s, %d cores, %.0f GiB, %s, %s. Commit %s.",
                findings.run().path().getFileName(), manifest.profile(), String.join(", ", manifest.stores()),
                manifest.started(), took.toMinutes(), took.toSecondsPart(), env.cpu(), env.cores(),
                env.memoryBytes() / (1024.0 * 1024 * 1024), env.jvm(), env.os(), env.gitCommit())));
        Map<String, Object> jmh = manifest.jmh();
        blocks.add(new Paragraph("JMH: " + jmh.get("forks") + " fork(s) per benchmark, " + jmh.get("warmupIterations")
                + " warmup iterations of " + jmh.get("warmupMillis") + " ms, " + jmh.get("measurementIterations")
                + " measured iterations of " + jmh.get("iterationMillis") + " ms; " + shotSettings(jmh) + ". Libraries: "
                + env.libraries() + (manifest.extraJmhArguments().isEmpty() ? "."
                : ". Extra JMH arguments: " + String.join(" ", manifest.extraJmhArguments()) + ".")));
        blocks.add(new Paragraph("How to read: costs are JMH means with their 99.9% error (± as a share of the mean); "
                + "logout and revocation are shots (each call timed alone on a fresh login), given as p50 and p99 "
                + "because their mean hides the tail; "
                + "bytes, store calls and windows are exact (counted, not timed). \"x floor\" divides a cost by the "
                + "bare primitives the strategy cannot avoid, measured in the same run: the default JWT library's verify "
                + "(" + (findings.libraries().isEmpty() ? "jjwt" : findings.libraries().get(0)) + ") of typical "
                + "stateless access tokens (stateless-jwt's own tokens; stateful-jwt's are smaller, so its ratio can "
                + "fall below 1) plus a bare store get per store call. Under 1x within the errors means \"as cheap as "
                + "the primitives\". A strategy whose credential is not signed (session, sliding-session) costs the same at "
                + "every algorithm: it is measured at the first, and its rows at the others repeat that measurement. "
                + "A \"-\" for revocation at another algorithm means the profile measured shots at its first algorithm "
                + "only, as quick does: a shot there adds its signature, which authenticate and login measure."));
    }

    private void headline(String store) {
        blocks.add(new Heading(2, "Headline, " + store.toLowerCase(Locale.ROOT) + " store, "
                + RunFindings.MAIN_PAYLOAD.toLowerCase(Locale.ROOT) + " payload", "headline-" + store.toLowerCase(Locale.ROOT)));
        List<List<String>> rows = new ArrayList<>();
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            Optional<Metric> authenticate = findings.find(RunFindings.AUTHENTICATE, m);
            OptionalDouble floor = findings.authenticateFloorNanos(m);
            String ofFloor = authenticate.isPresent() && floor.isPresent()
                    ? Estimates.ratio(RunFindings.nanos(authenticate.get()) / floor.getAsDouble()) : "-";
            rows.add(List.of(m.strategy(), m.algorithm(),
                    m.authorizationHeaderBytes() + " B" + (m.fitsCookieLimit() ? "" : " (cookie too big)"),
                    Estimates.mean(authenticate), ofFloor,
                    Estimates.mean(findings.find(RunFindings.REJECT, m)),
                    Estimates.mean(findings.find(RunFindings.LOGIN, m)),
                    Estimates.mean(findings.find(RunFindings.REFRESH, m)),
                    Units.bytes(m.serverBytesPerLogin()),
                    Long.toString(m.storeCallsPerAuthenticate()),
                    Units.window(m.logoutWindowSameNodeMillis()) + " / " + Units.window(m.logoutWindowOtherNodeMillis()),
                    Estimates.shots(findings.find(RunFindings.REVOCATION, m))));
        }
        blocks.add(new Table(List.of("strategy", "alg", "Authorization header (exact)", "authenticate", "x floor",
                "reject forged", "login", "refresh", "server bytes/login (exact)", "store calls/request (exact)",
                "logout window same / other node (exact)", "revocation A->B"), rows,
                new boolean[] {false, false, true, true, true, true, true, true, true, true, true, true}));
        if (store.equals("REDIS")) {
            blocks.add(new Paragraph("On Redis, a benchmark with one measuring thread runs it on the same CPU as the "
                    + "redis-server its fork started (taskset, where it exists; each fork's line in jmh.log says what it "
                    + "did): on a virtual machine a wake-up on another CPU costs more than the round trip itself, and "
                    + "across a real network the network adds its own. So these times are the strategies' round trips "
                    + "with the least of the machine in them; the store calls column says how many a real network "
                    + "would multiply."));
        }
    }

    /** Where a stateless JWT's check goes, per library: crypto, library, strategy; and the session-to-JWT ratio. */
    private void libraries(String store) {
        List<JwtCostShares> shares = JwtCostShares.of(findings, store);
        if (shares.isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "JWT libraries: where a JWT's check goes, " + store.toLowerCase(Locale.ROOT)
                + " store", "libraries-" + store.toLowerCase(Locale.ROOT)));
        blocks.add(new Paragraph("Each JWT strategy's authenticate on each JWT library it was measured on, split into "
                + "the crypto floor (raw JCA verification of typical stateless tokens), the library's overhead over it "
                + "(its verify of those tokens, as the strategies call it, minus the crypto) and the strategy's over "
                + "the library (the strict checks, the claims read from the token's own bytes, the principal, any "
                + "store call). The floors' tokens are stateless-jwt's, so its rows are exact differences and the "
                + "others' an estimate. Each part is a difference of two means of this run, so a part within the "
                + "errors of zero can come out negative. The last column is the ratio the headline argues about: one "
                + "JWT check in session checks, per library."));
        List<List<String>> rows = new ArrayList<>();
        for (JwtCostShares row : shares) {
            rows.add(List.of(row.algorithm(), row.strategy(), row.library(),
                    Units.time(row.totalNanos()) + " " + Units.plusMinus(row.authenticate().relativeError()),
                    part(row, row.cryptoNanos()), part(row, row.libraryNanos()), part(row, row.strategyNanos()),
                    Estimates.ratio(row.overLibrary()),
                    row.timesSession().map(Estimates::ratio).orElse("-")));
        }
        blocks.add(new Table(List.of("alg", "strategy", "library", "authenticate", "crypto", "library", "strategy",
                "x library verify", "x session"), rows,
                new boolean[] {false, false, false, true, true, true, true, true, true}));
    }

    private static String part(JwtCostShares row, double nanos) {
        return Units.time(nanos) + String.format(Locale.ROOT, " (%.0f%%)", row.share(nanos));
    }

    /** The same benchmarks on each JDK of the run, side by side, on the default library. */
    private void jdks() {
        List<String> jdks = findings.jdks();
        if (jdks.size() < 2) {
            return;
        }
        blocks.add(new Heading(2, "JDKs side by side", "jdks"));
        blocks.add(new Paragraph("The same benchmarks forked on each JDK of this run (" + String.join(", ",
                manifest.jdks()) + "), first store, typical payload; the last column divides the last JDK's mean by "
                + "the first's."));
        List<String> header = new ArrayList<>(List.of("benchmark", "strategy", "alg"));
        jdks.forEach(jdk -> header.add("JDK " + jdk));
        header.add("JDK " + jdks.get(jdks.size() - 1) + " / JDK " + jdks.get(0));
        List<List<String>> rows = new ArrayList<>();
        String store = findings.stores().get(0);
        for (String benchmark : List.of(RunFindings.AUTHENTICATE, RunFindings.LOGIN)) {
            for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
                List<Optional<Metric>> perJdk = jdks.stream()
                        .map(jdk -> findings.find(benchmark, m, Map.of("jdk", jdk))).toList();
                rows.add(jdkRow(benchmark, m.strategy(), m.algorithm(), perJdk));
            }
        }
        for (String algorithm : findings.algorithms()) {
            rows.add(jdkRow(RunFindings.RAW_VERIFY_FLOOR, "-", algorithm, jdks.stream()
                    .map(jdk -> findings.floor(RunFindings.RAW_VERIFY_FLOOR, algorithm, Map.of("jdk", jdk))).toList()));
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 3; i < numeric.length; i++) {
            numeric[i] = true;
        }
        blocks.add(new Table(header, rows, numeric));
    }

    private static List<String> jdkRow(String benchmark, String strategy, String algorithm,
            List<Optional<Metric>> perJdk) {
        List<String> row = new ArrayList<>(List.of(benchmark, strategy, algorithm));
        perJdk.forEach(metric -> row.add(Estimates.mean(metric)));
        Optional<Metric> first = perJdk.get(0);
        Optional<Metric> last = perJdk.get(perJdk.size() - 1);
        row.add(first.isPresent() && last.isPresent()
                ? Estimates.ratio(RunFindings.nanos(last.get()) / RunFindings.nanos(first.get())) : "-");
        return row;
    }

    private void charts(String store) {
        String suffix = "-" + store.toLowerCase(Locale.ROOT);
        costChart(store, RunFindings.AUTHENTICATE, "authenticate" + suffix,
                "Authenticate a valid credential: cost per request, " + store.toLowerCase(Locale.ROOT));
        costChart(store, RunFindings.LOGIN, "login" + suffix, "Login: cost to issue, " + store.toLowerCase(Locale.ROOT));
        costChart(store, RunFindings.REJECT, "reject" + suffix,
                "Reject a forged credential: what an attacker's garbage costs, " + store.toLowerCase(Locale.ROOT));
        sizeChart(store);
        windowChart(store);
    }

    private void costChart(String store, String benchmark, String file, String title) {
        BarChart chart = new BarChart(title, "time per operation", true, Units::timeTick);
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            findings.find(benchmark, m).ifPresent(metric -> {
                double score = RunFindings.nanos(metric);
                double error = Double.isNaN(metric.error()) ? Double.NaN : Units.toNanos(metric.error(), metric.unit());
                chart.bar(m.strategy(), m.algorithm(), score, score - error, score + error,
                        Units.time(score) + " " + Units.plusMinus(metric.relativeError()));
            });
        }
        if (benchmark.equals(RunFindings.AUTHENTICATE)) {
            findings.floor(RunFindings.CAFFEINE_FLOOR, null).filter(f -> store.equals("CAFFEINE"))
                    .ifPresent(f -> chart.reference(RunFindings.nanos(f), "Caffeine get"));
        }
        add(chart, file);
    }

    private void sizeChart(String store) {
        BarChart chart = new BarChart("Credential size on the wire by payload (Authorization header line)", "bytes",
                false, bytes -> Math.round(bytes / 1024) + " KiB").ticks(0, 1024, 2048, 3072, 4096, 5120, 6144, 7168, 8192);
        for (String payload : findings.payloads()) {
            for (ExactMeasurement m : findings.rows(store, payload)) {
                if (m.algorithm().equals(findings.algorithms().get(0))) {
                    chart.bar(m.strategy(), payload.toLowerCase(Locale.ROOT) + " claims", m.authorizationHeaderBytes(),
                            Double.NaN, Double.NaN, m.authorizationHeaderBytes() + " B (exact)");
                }
            }
        }
        chart.reference(4096, "cookie limit 4096 B (RFC 6265)").reference(8192, "8 KiB header limit");
        add(chart, "sizes-" + store.toLowerCase(Locale.ROOT));
    }

    private void windowChart(String store) {
        BarChart chart = new BarChart("Exposure window: how long a logged-out credential keeps working", "time after logout",
                false, nanos -> Units.window(Math.round(nanos / 1e6)))
                .ticks(0, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 20 * MINUTE);
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            if (!m.algorithm().equals(findings.algorithms().get(0))) {
                continue;
            }
            window(chart, m, "logout, same node", m.logoutWindowSameNodeMillis());
            window(chart, m, "logout, other node", m.logoutWindowOtherNodeMillis());
            window(chart, m, "logout everywhere, other node", m.logoutEverywhereWindowOtherNodeMillis());
        }
        add(chart, "windows-" + store.toLowerCase(Locale.ROOT));
    }

    private static void window(BarChart chart, ExactMeasurement m, String scenario, long millis) {
        chart.bar(m.strategy(), scenario, millis * 1e6, Double.NaN, Double.NaN, Units.window(millis) + " (exact)");
    }

    private void add(BarChart chart, String file) {
        if (!chart.isEmpty()) {
            blocks.add(new Chart(file + ".svg", chart.title(), chart.svg()));
        }
    }

    /**
     * What the profile's precision target made of the timed scores: how many met it at once, how many after more
     * forks, and why each of the rest is still imprecise.
     */
    private void precision() {
        List<BenchmarkResult> targeted = findings.run().benchmarks().stream()
                .filter(result -> result.precision() != null).toList();
        if (targeted.isEmpty()) {
            return;
        }
        Map<PrecisionTarget.Status, List<BenchmarkResult>> byStatus = new EnumMap<>(PrecisionTarget.Status.class);
        for (BenchmarkResult result : targeted) {
            byStatus.computeIfAbsent(result.precisionStatus().orElseThrow(), s -> new ArrayList<>()).add(result);
        }
        List<BenchmarkResult> imprecise = byStatus.getOrDefault(PrecisionTarget.Status.IMPRECISE, List.of());
        blocks.add(new Heading(2, "Precision", "precision"));
        blocks.add(new Paragraph(String.format(Locale.ROOT, "Target: a 99.9%% error under %.0f%% of the score for every "
                        + "timed score. %d of %d within it: %d after the first pass, %d after more forks (%d forks "
                        + "added), %d still imprecise when the rounds or the time budget ran out. Warm-up ended where each "
                        + "fork's score became steady: %d measured iterations in all were moved to warm-up (the MSER "
                        + "rule; they stay in the JMH file). Shots have no target: they are read as percentiles.",
                100 * findings.precisionTarget().orElseThrow(), targeted.size() - imprecise.size(),
                targeted.size(), byStatus.getOrDefault(PrecisionTarget.Status.MET, List.of()).size(),
                byStatus.getOrDefault(PrecisionTarget.Status.REFINED, List.of()).size(),
                targeted.stream().mapToInt(result -> result.precision().addedForks()).sum(), imprecise.size(),
                targeted.stream().mapToInt(result -> result.precision().warmupIterationsCut()).sum())));
        if (!imprecise.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (BenchmarkResult result : imprecise) {
                rows.add(List.of(result.key(), Units.plusMinus(result.primary().relativeError()),
                        Integer.toString(result.primary().samplesPerFork().size()),
                        result.imprecision().map(Imprecision::explanation).orElse("too few samples to say")));
            }
            blocks.add(new Table(List.of("still imprecise", "error", "forks", "why"), rows,
                    new boolean[] {false, true, true, false}));
        }
    }

    /**
     * How the run measured logout and revocation: shots sampled for a time (this version), or a count of single shots
     * (runs made before sample mode, which {@code run.json} records as {@code warmupShots} and {@code measuredShots}).
     */
    private static String shotSettings(Map<String, Object> jmh) {
        if (jmh.get("shots") instanceof Map<?, ?> shots) {
            return "shots: " + shots.get("warmupIterations") + " warmup iterations of " + shots.get("warmupMillis")
                    + " ms, " + shots.get("measurementIterations") + " measured iterations of "
                    + shots.get("iterationMillis") + " ms, each call timed alone";
        }
        return "single shots: " + jmh.get("warmupShots") + " warmup, " + jmh.get("measuredShots") + " measured";
    }

    /** A score's precision in a few words, for the detail tables. */
    private static String precisionOf(BenchmarkResult result) {
        return result.precisionStatus().map(status -> switch (status) {
            case MET -> "met";
            case REFINED -> "refined, +" + result.precision().addedForks() + " fork(s)";
            case IMPRECISE -> "imprecise" + result.imprecision()
                    .map(why -> ": " + why.label()).orElse("");
        }).orElse("-");
    }

    /** One table per benchmark: every score with its error, the median with its 95% interval, allocation if profiled. */
    private void detail() {
        blocks.add(new Heading(2, "Every benchmark, with its error", "detail"));
        List<String> names = findings.run().benchmarks().stream().map(BenchmarkResult::name).distinct().toList();
        for (String name : names) {
            blocks.add(new Heading(3, name, name.replace('.', '-')));
            List<List<String>> rows = new ArrayList<>();
            for (BenchmarkResult result : findings.run().of(name)) {
                Metric metric = result.primary();
                MedianInterval median = MedianInterval.of(metric.samples());
                Metric allocation = result.secondary().get(ExactChanges.ALLOCATION);
                String parameters = String.join(" ", result.params().values());
                rows.add(List.of(parameters.isEmpty() ? "-" : parameters, result.mode(),
                        Integer.toString(result.threads()),
                        Units.of(metric.score(), metric.unit()) + " " + Units.plusMinus(metric.relativeError()),
                        Units.of(median.median(), metric.unit()) + " [" + Units.of(median.low(), metric.unit()) + ", "
                                + Units.of(median.high(), metric.unit()) + "]"
                                + (median.confidence() < MedianInterval.LEVEL ? " (range: too few samples for 95%)" : ""),
                        Integer.toString(median.n()),
                        allocation == null ? "-" : Units.of(allocation.score(), allocation.unit()),
                        precisionOf(result)));
            }
            blocks.add(new Table(List.of("parameters", "mode", "threads", "mean ± 99.9% error",
                    "median [95% interval]", "samples", "allocated per op", "precision"), rows,
                    new boolean[] {false, false, true, true, true, true, true, false}));
        }
    }
}

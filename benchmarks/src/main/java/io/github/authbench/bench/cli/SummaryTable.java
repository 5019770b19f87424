package io.github.authbench.bench.cli;

import io.github.authbench.results.Estimates;
import io.github.authbench.results.JwtCostShares;
import io.github.authbench.results.Metric;
import io.github.authbench.results.RunFindings;
import io.github.authbench.results.ExactMeasurement;
import io.github.authbench.results.Units;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-text tables a run ends with, read back from the run directory it wrote, each within 120 columns (the
 * report has everything side by side): one row per strategy and algorithm for the timed costs with their 99.9% error,
 * for the shots, and for the exact sizes, store calls and exposure windows; then the floors and the goals: how
 * many scores are precise, and the two ratios to a floor.
 */
final class SummaryTable {

    /** The error above which a ratio of two scores says nothing: its verdict is then "inconclusive". */
    static final double CONCLUSIVE_ERROR = 0.10;

    private static final List<String> FLOORS = List.of(RunFindings.CAFFEINE_FLOOR, RunFindings.REDIS_FLOOR,
            RunFindings.RAW_VERIFY_FLOOR, RunFindings.RANDOM_FLOOR);

    private final RunFindings findings;

    SummaryTable(RunFindings findings) {
        this.findings = findings;
    }

    void print(PrintStream out, String store) {
        out.println();
        out.println("authbench summary, store " + store.toLowerCase(Locale.ROOT) + ", typical payload");
        out.println("  on " + findings.run().manifest().environment().oneLine());
        out.println("costs: mean +- 99.9% error");
        String costs = "%-16s %-6s %17s %17s %17s %17s%n";
        out.printf(costs, "strategy", "alg", "authenticate", "reject forged", "login", "refresh");
        List<ExactMeasurement> rows = findings.rows(store, RunFindings.MAIN_PAYLOAD);
        for (ExactMeasurement m : rows) {
            out.printf(costs, m.strategy(), m.algorithm(), cost(RunFindings.AUTHENTICATE, m),
                    cost(RunFindings.REJECT, m), cost(RunFindings.LOGIN, m), cost(RunFindings.REFRESH, m));
        }
        out.println();
        out.println("shots (calls timed one by one): p50 and p99, n calls sampled");
        String shots = "%-16s %-6s %38s %38s%n";
        out.printf(shots, "strategy", "alg", "logout", "revoke A->B");
        for (ExactMeasurement m : rows) {
            out.printf(shots, m.strategy(), m.algorithm(), shots(RunFindings.LOGOUT, m),
                    shots(RunFindings.REVOCATION, m));
        }
        out.println();
        out.println("exact: access credential bytes, whether it fits a cookie, store calls per request, and how long a "
                + "logged-out");
        out.println("credential keeps working (window) on the node that logged out and on another");
        String exact = "%-16s %-6s %6s %6s %8s %12s %12s%n";
        out.printf(exact, "strategy", "alg", "bytes", "cookie", "calls/", "window", "window");
        out.printf(exact, "", "", "", "fits", "request", "same node", "other node");
        for (ExactMeasurement m : rows) {
            out.printf(exact, m.strategy(), m.algorithm(), m.accessBytes(), m.fitsCookieLimit() ? "yes" : "NO",
                    m.storeCallsPerAuthenticate(), Units.window(m.logoutWindowSameNodeMillis()),
                    Units.window(m.logoutWindowOtherNodeMillis()));
        }
        out.println();
        for (String floor : FLOORS) {
            for (String algorithm : floor.equals(RunFindings.RAW_VERIFY_FLOOR) ? findings.algorithms() : List.of("")) {
                Optional<Metric> metric = findings.floor(floor, algorithm.isEmpty() ? null : algorithm);
                metric.ifPresent(m -> out.printf("floor %-45s %s%n", floor + " " + algorithm,
                        Units.forTerminal(Estimates.mean(metric))));
            }
        }
        for (String library : findings.libraries()) {
            for (String algorithm : findings.algorithms()) {
                Optional<Metric> metric = findings.floor(RunFindings.LIBRARY_FLOOR, algorithm, Map.of("codec", library));
                metric.ifPresent(m -> out.printf("floor %-45s %s%n",
                        RunFindings.LIBRARY_FLOOR + " " + algorithm + " " + library,
                        Units.forTerminal(Estimates.mean(metric))));
            }
        }
        List<JwtCostShares> shares = JwtCostShares.of(findings, store);
        if (!shares.isEmpty()) {
            out.println();
            out.println("JWT authenticate per library = crypto + library + strategy (estimates but for stateless-jwt);"
                    + " x session");
            for (JwtCostShares row : shares) {
                out.printf(Locale.ROOT, "  %-5s %-14s %-8s %9s = %8s (%3.0f%%) + %8s (%3.0f%%) + %8s (%3.0f%%); %s%n",
                        row.algorithm(), row.strategy(), row.library(), Units.time(row.totalNanos()),
                        Units.time(row.cryptoNanos()),
                        row.share(row.cryptoNanos()), Units.time(row.libraryNanos()), row.share(row.libraryNanos()),
                        Units.time(row.strategyNanos()), row.share(row.strategyNanos()),
                        row.timesSession().map(x -> Estimates.ratio(x) + " a session").orElse("-"));
            }
        }
        out.println();
        List<Metric> scores = findings.inProcessTimedScores();
        if (!scores.isEmpty() && store.equals(findings.stores().get(0))) {
            double target = findings.precisionTarget().orElse(CONCLUSIVE_ERROR);
            long precise = scores.stream().filter(score -> score.relativeError() <= target).count();
            out.printf(Locale.ROOT, "goal  %-56s %d of %d, %.0f%% (goal >= 90%%: %s)%n",
                    String.format(Locale.ROOT, "in-process timed scores with a 99.9%% error under %.0f%%", 100 * target),
                    precise, scores.size(),
                    100.0 * precise / scores.size(), precise >= 0.9 * scores.size() ? "met" : "NOT met");
        }
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            if (m.strategy().equals("stateless-jwt")) {
                for (String library : findings.libraries()) {
                    Map<String, String> axis = Map.of("codec", library);
                    goal(out, "stateless-jwt authenticate / " + library + " verify, " + m.algorithm(),
                            findings.find(RunFindings.AUTHENTICATE, m, axis),
                            findings.floor(RunFindings.LIBRARY_FLOOR, m.algorithm(), axis), 1.10);
                }
            }
            if (m.strategy().equals("session") && store.equals("CAFFEINE")
                    && m.algorithm().equals(findings.algorithms().get(0))) {
                goal(out, "session authenticate / bare Caffeine get + id check",
                        findings.find(RunFindings.AUTHENTICATE, m), findings.floor(RunFindings.CAFFEINE_FLOOR, null), 1.5);
            }
        }
    }

    private String cost(String benchmark, ExactMeasurement m) {
        Optional<Metric> metric = findings.find(benchmark, m);
        return metric.isEmpty() ? "-" : Units.forTerminal(Estimates.mean(metric));
    }

    private String shots(String benchmark, ExactMeasurement m) {
        Optional<Metric> metric = findings.find(benchmark, m);
        return metric.isEmpty() ? "-" : Estimates.shots(metric);
    }

    /**
     * A ratio of two average times in this run against its goal. A verdict needs both scores to be precise: with
     * either error over 10% of its score, the ratio is printed but called inconclusive.
     */
    private static void goal(PrintStream out, String label, Optional<Metric> measured, Optional<Metric> floor,
            double goal) {
        if (measured.isEmpty() || floor.isEmpty()) {
            return;
        }
        double ratio = measured.get().score() / floor.get().score();
        boolean precise = measured.get().relativeError() <= CONCLUSIVE_ERROR
                && floor.get().relativeError() <= CONCLUSIVE_ERROR;
        String verdict = !precise ? "inconclusive, an error > 10%" : ratio <= goal ? "met" : "NOT met";
        out.printf(Locale.ROOT, "goal  %-56s %.2fx (goal <= %.2fx: %s)%n", label, ratio, goal, verdict);
    }
}

package io.github.authbench.bench.cli;

import io.github.authbench.bench.StaticMeasurement;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The plain-text table a run ends with: one row per strategy and algorithm, costs with their 99.9% error, exact sizes,
 * store calls and exposure windows, then the floors each strategy is compared with.
 */
final class SummaryTable {

    private final Collection<RunResult> results;
    private final List<StaticMeasurement> exact;

    SummaryTable(Collection<RunResult> results, List<StaticMeasurement> exact) {
        this.results = results;
        this.exact = exact;
    }

    void print(PrintStream out, String store, String environment) {
        out.println();
        out.println("authbench summary, store " + store.toLowerCase(Locale.ROOT) + ", typical payload; " + environment);
        out.println("costs: mean +- 99.9% error; logout and revocation: mean of single shots; windows: time a logged-out"
                + " credential keeps working");
        String format = "%-16s %-6s %20s %20s %20s %18s %16s %18s %6s %6s %7s %10s %10s%n";
        out.printf(format, "strategy", "alg", "authenticate", "reject forged", "login", "refresh", "logout",
                "revoke A->B", "bytes", "cookie", "calls/", "logout", "logout");
        out.printf(format, "", "", "", "", "", "", "", "", "", "fits", "request", "same node", "other node");
        for (StaticMeasurement m : exact) {
            if (!m.store().equals(store) || !m.payload().equals("TYPICAL")) {
                continue;
            }
            out.printf(format, m.strategy(), m.algorithm(),
                    cost("AuthenticateBenchmark.authenticate", m),
                    cost("RejectBenchmark.reject", m),
                    cost("LoginBenchmark.login", m),
                    cost("RefreshBenchmark.refresh", m),
                    cost("LogoutBenchmark.logout", m),
                    cost("RevocationLatencyBenchmark.logoutOnAUntilBRejects", m),
                    m.accessBytes(), m.fitsCookieLimit() ? "yes" : "NO", m.storeCallsPerAuthenticate(),
                    window(m.logoutWindowSameNodeMillis()), window(m.logoutWindowOtherNodeMillis()));
        }
        out.println();
        for (Floor floor : floors()) {
            out.printf("floor %-40s %s%n", floor.label(), format(floor.result()));
        }
        out.println();
        for (StaticMeasurement m : exact) {
            if (!m.store().equals(store) || !m.payload().equals("TYPICAL")) {
                continue;
            }
            if (m.strategy().equals("stateless-jwt")) {
                goal(out, "stateless-jwt authenticate / bare jjwt parse, " + m.algorithm(),
                        find("AuthenticateBenchmark.authenticate", m), floor("FloorBenchmark.jjwtParse", m.algorithm()),
                        1.10);
            }
            if (m.strategy().equals("session") && store.equals("CAFFEINE")) {
                goal(out, "session authenticate / bare Caffeine get + id check, " + m.algorithm(),
                        find("AuthenticateBenchmark.authenticate", m), floor("FloorBenchmark.caffeineGetWithIdCheck", null),
                        1.5);
            }
        }
    }

    private List<Floor> floors() {
        List<Floor> floors = new ArrayList<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            if (benchmark.contains("FloorBenchmark")) {
                String algorithm = run.getParams().getParam("algorithm");
                floors.add(new Floor(shortName(benchmark) + (algorithm == null ? "" : " " + algorithm),
                        run.getPrimaryResult()));
            }
        }
        return floors;
    }

    private String cost(String benchmark, StaticMeasurement m) {
        Result<?> result = find(benchmark, m);
        return result == null ? "-" : format(result);
    }

    /** The result of {@code benchmark} for the strategy, algorithm, store and payload of {@code m}, or null. */
    private Result<?> find(String benchmark, StaticMeasurement m) {
        for (RunResult run : results) {
            if (run.getParams().getBenchmark().endsWith(benchmark)
                    && m.strategy().equals(run.getParams().getParam("strategy"))
                    && m.algorithm().equals(run.getParams().getParam("algorithm"))
                    && matches(run, "store", m.store())
                    && matches(run, "payload", m.payload())) {
                return run.getPrimaryResult();
            }
        }
        return null;
    }

    private Result<?> floor(String benchmark, String algorithm) {
        for (RunResult run : results) {
            if (run.getParams().getBenchmark().endsWith(benchmark) && matches(run, "algorithm", algorithm)) {
                return run.getPrimaryResult();
            }
        }
        return null;
    }

    /** The error above which a ratio of two scores says nothing: its verdict is then "inconclusive". */
    static final double CONCLUSIVE_ERROR = 0.10;

    /**
     * A ratio of two average times in this run against its goal. A verdict needs both scores to be precise: with
     * either error over 10% of its score, the ratio is printed but called inconclusive.
     */
    private static void goal(PrintStream out, String label, Result<?> measured, Result<?> floor, double goal) {
        if (measured == null || floor == null) {
            return;
        }
        double ratio = measured.getScore() / floor.getScore();
        boolean precise = relativeError(measured) <= CONCLUSIVE_ERROR && relativeError(floor) <= CONCLUSIVE_ERROR;
        String verdict = !precise ? "inconclusive: an error is over 10%" : ratio <= goal ? "met" : "NOT met";
        out.printf(Locale.ROOT, "goal  %-62s %.2fx (goal <= %.2fx: %s)%n", label, ratio, goal, verdict);
    }

    private static double relativeError(Result<?> result) {
        double error = result.getScoreError();
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / result.getScore();
    }

    private static boolean matches(RunResult run, String param, String value) {
        String actual = run.getParams().getParam(param);
        return actual == null || value == null || actual.equals(value);
    }

    static String format(Result<?> result) {
        double score = result.getScore();
        double error = result.getScoreError();
        String unit = result.getScoreUnit();
        String errorText = Double.isNaN(error) ? "" : " +-" + number(error);
        return number(score) + errorText + " " + unit.replace("/op", "");
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String window(long millis) {
        if (millis == 0) {
            return "0";
        }
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A floor's result under the name a reader looks for. */
    private record Floor(String label, Result<?> result) {
    }
}

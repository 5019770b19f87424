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
        for (RunResult run : results) {
            if (run.getParams().getBenchmark().endsWith(benchmark)
                    && m.strategy().equals(run.getParams().getParam("strategy"))
                    && m.algorithm().equals(run.getParams().getParam("algorithm"))
                    && matches(run, "store", m.store())
                    && matches(run, "payload", m.payload())) {
                return format(run.getPrimaryResult());
            }
        }
        return "-";
    }

    private static boolean matches(RunResult run, String param, String value) {
        String actual = run.getParams().getParam(param);
        return actual == null || actual.equals(value);
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

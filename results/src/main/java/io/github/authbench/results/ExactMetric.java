package io.github.authbench.results;

import java.util.function.Function;

/**
 * The counted quantities of {@code exact.json} a comparison checks, each with its unit and tolerance. For all of
 * them more is worse: more bytes, more store calls, a longer window in which a logged-out credential still works.
 */
public enum ExactMetric {
    ACCESS_BYTES("access credential", "B", 0, m -> (double) m.accessBytes()),
    AUTHORIZATION_HEADER_BYTES("Authorization header", "B", 0, m -> (double) m.authorizationHeaderBytes()),
    COOKIE_HEADER_BYTES("Cookie header", "B", 0, m -> (double) m.cookieHeaderBytes()),
    REFRESH_BYTES("refresh credential", "B", 0, m -> m.refreshBytes() == null ? null : (double) m.refreshBytes()),
    /** JOL's walk of the heap (or Redis used_memory) over thousands of logins: allow hash-table growth steps. */
    SERVER_BYTES_PER_LOGIN("server bytes per login", "B", 2, m -> (double) m.serverBytesPerLogin()),
    STORE_CALLS_PER_LOGIN("store calls per login", "calls", 0, m -> (double) m.storeCallsPerLogin()),
    STORE_CALLS_PER_AUTHENTICATE("store calls per request", "calls", 0, m -> (double) m.storeCallsPerAuthenticate()),
    STORE_CALLS_PER_LOGOUT("store calls per logout", "calls", 0, m -> (double) m.storeCallsPerLogout()),
    LOGOUT_WINDOW_SAME_NODE("logout window, same node", "ms", 0, m -> (double) m.logoutWindowSameNodeMillis()),
    LOGOUT_WINDOW_OTHER_NODE("logout window, other node", "ms", 0, m -> (double) m.logoutWindowOtherNodeMillis()),
    LOGOUT_EVERYWHERE_WINDOW_SAME_NODE("logout-everywhere window, same node", "ms", 0,
            m -> (double) m.logoutEverywhereWindowSameNodeMillis()),
    LOGOUT_EVERYWHERE_WINDOW_OTHER_NODE("logout-everywhere window, other node", "ms", 0,
            m -> (double) m.logoutEverywhereWindowOtherNodeMillis());

    /** Allocation per operation ({@code gc.alloc.rate.norm} under {@code -prof gc}): TLAB accounting wobbles a little. */
    public static final double ALLOCATION_TOLERANCE_PERCENT = 5;

    public final String label;
    public final String unit;
    public final double tolerancePercent;
    private final Function<ExactMeasurement, Double> value;

    ExactMetric(String label, String unit, double tolerancePercent, Function<ExactMeasurement, Double> value) {
        this.label = label;
        this.unit = unit;
        this.tolerancePercent = tolerancePercent;
        this.value = value;
    }

    /** The value, or null where it does not apply (no refresh credential). */
    public Double of(ExactMeasurement measurement) {
        return value.apply(measurement);
    }

    /** Candidate against baseline within a tolerance in percent; more is worse. */
    public static Verdict verdict(double baseline, double candidate, double tolerancePercent) {
        double allowed = Math.abs(baseline) * tolerancePercent / 100;
        if (candidate > baseline + allowed) {
            return Verdict.REGRESSED;
        }
        return candidate < baseline - allowed ? Verdict.BETTER : Verdict.SAME;
    }
}

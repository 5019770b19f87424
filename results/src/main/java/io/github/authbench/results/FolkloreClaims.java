package io.github.authbench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The claims of the folklore ("JWTs scale, sessions don't", "JWTs can't be revoked", ...), each answered in one or two
 * sentences computed from one run's numbers.
 * Where a comparison's error bars overlap the sentence says the two are indistinguishable instead of naming a winner;
 * where the run has no data for a claim the sentence says what to run.
 */
final class FolkloreClaims {

    private final RunFindings findings;
    private final String store;
    private final String algorithm;

    FolkloreClaims(RunFindings findings) {
        this.findings = findings;
        this.store = findings.stores().get(0);
        this.algorithm = findings.algorithms().contains("HS256") ? "HS256" : findings.algorithms().get(0);
    }

    List<String> sentences() {
        return List.of(efficiency(), slowness(), size(), revocation(), scaling(), staleness(), algorithms(), refresh(),
                sliding(), storeHits());
    }

    private String efficiency() {
        Optional<ExactMeasurement> session = row("session");
        Optional<ExactMeasurement> jwt = row("stateless-jwt");
        if (session.isEmpty() || jwt.isEmpty()) {
            return claim("JWTs are more efficient than sessions", "this run lacks session or stateless-jwt.");
        }
        Optional<Metric> s = findings.find(RunFindings.AUTHENTICATE, session.get());
        Optional<Metric> j = findings.find(RunFindings.AUTHENTICATE, jwt.get());
        String cost = s.isPresent() && j.isPresent()
                ? "checking a session costs " + Estimates.mean(s) + " against " + Estimates.mean(j)
                + " for a stateless JWT (" + algorithm + ", " + storeName() + " store): " + relation("the session", s.get(),
                "the JWT", j.get()) + "; "
                : "no authenticate timings in this run; ";
        List<String> perLibrary = JwtCostShares.of(findings, store).stream()
                .filter(row -> row.strategy().equals(JwtCostShares.STATELESS) && row.algorithm().equals(algorithm))
                .filter(row -> row.timesSession().isPresent())
                .map(row -> row.library() + " " + Estimates.ratio(row.timesSession().get())).toList();
        if (perLibrary.size() > 1) {
            cost += "by JWT library, one JWT check costs " + String.join(", ", perLibrary) + " a session check; ";
        }
        int sessionBytes = session.get().authorizationHeaderBytes();
        int jwtBytes = jwt.get().authorizationHeaderBytes();
        return claim("JWTs are more efficient than sessions", cost + "the JWT puts " + jwtBytes
                + " bytes on every request against " + sessionBytes + " (" + Estimates.ratio((double) jwtBytes / sessionBytes)
                + "), and saves " + session.get().storeCallsPerAuthenticate() + " store call(s) per request.");
    }

    /** "JWTs are slow": which part of a JWT's check is the signature, which the library, which the strategy. */
    private String slowness() {
        List<JwtCostShares> shares = JwtCostShares.of(findings, store).stream()
                .filter(row -> row.strategy().equals(JwtCostShares.STATELESS)).toList();
        if (shares.isEmpty()) {
            return claim("JWTs are slow", "this run has no stateless-jwt authenticate beside the crypto and library "
                    + "floors (the quick and full profiles measure them).");
        }
        List<String> perAlgorithm = new ArrayList<>();
        for (String alg : shares.stream().map(JwtCostShares::algorithm).distinct().toList()) {
            List<JwtCostShares> ofAlg = shares.stream().filter(row -> row.algorithm().equals(alg)).toList();
            String libraries = ofAlg.stream().map(row -> String.format(Locale.ROOT,
                    "%s %s (crypto %.0f%%, library %.0f%%, strategy %.0f%%%s)", row.library(),
                    Units.time(row.totalNanos()), row.share(row.cryptoNanos()), row.share(row.libraryNanos()),
                    row.share(row.strategyNanos()),
                    row.timesSession().map(x -> ", " + Estimates.ratio(x) + " a session").orElse("")))
                    .collect(Collectors.joining("; "));
            boolean signatureDominates = ofAlg.stream().allMatch(row -> row.share(row.cryptoNanos()) >= 50);
            perAlgorithm.add("at " + alg + ", " + libraries + ": "
                    + (signatureDominates ? "the signature is most of it, whichever library"
                    : "most of it is the library, not the signature, so the library choice moves the answer"));
        }
        return claim("JWTs are slow", "a stateless JWT's check (" + storeName() + " store), part by part, "
                + String.join("; ", perAlgorithm) + ".");
    }

    private String size() {
        List<ExactMeasurement> all = findings.run().exact().stream().filter(m -> m.store().equals(store)).toList();
        ExactMeasurement largest = all.stream().max(Comparator.comparingInt(ExactMeasurement::cookieBytes)).orElseThrow();
        long tooBigForCookie = all.stream().filter(m -> !m.fitsCookieLimit()).count();
        long tooBigForHeader = all.stream().filter(m -> !m.fitsHeaderLimit()).count();
        String payloads = findings.payloads().stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return claim("JWTs are too big / cookies cap at 4 KiB", String.format(Locale.ROOT,
                "the largest credential (%s, %s payload, %s) is %d bytes as a cookie, %.0f%% of the 4096-byte limit of "
                        + "RFC 6265; %d of %d combinations (payloads measured: %s) exceed the cookie limit and %d exceed "
                        + "an 8 KiB header limit.",
                largest.strategy(), largest.payload().toLowerCase(Locale.ROOT), largest.algorithm(), largest.cookieBytes(),
                100.0 * largest.cookieBytes() / 4096, tooBigForCookie, all.size(), payloads, tooBigForHeader));
    }

    private String revocation() {
        Optional<ExactMeasurement> stateless = row("stateless-jwt");
        Optional<ExactMeasurement> denylist = row("jwt-denylist");
        if (stateless.isEmpty() || denylist.isEmpty()) {
            return claim("JWTs can't be revoked", "this run lacks stateless-jwt or jwt-denylist.");
        }
        Optional<Metric> plain = findings.find(RunFindings.AUTHENTICATE, stateless.get());
        Optional<Metric> checked = findings.find(RunFindings.AUTHENTICATE, denylist.get());
        String cost = plain.isPresent() && checked.isPresent()
                ? "; the denylist check makes authenticate " + Estimates.mean(checked) + " against " + Estimates.mean(plain)
                + " (" + relation("with the denylist", checked.get(), "without", plain.get()) + ")"
                : "";
        return claim("JWTs can't be revoked", "a logged-out stateless JWT kept working for "
                + Units.window(stateless.get().logoutWindowOtherNodeMillis()) + " on another node (its remaining "
                + "lifetime plus clock skew); with a denylist the window was "
                + Units.window(denylist.get().logoutWindowOtherNodeMillis()) + cost + ".");
    }

    private String scaling() {
        StringBuilder text = new StringBuilder();
        if (!findings.stores().contains("REDIS")) {
            text.append("this run used only the embedded store, so it says nothing about a shared one "
                    + "(./authbench run --store redis measures it)");
        } else {
            Optional<ExactMeasurement> session = findings.rows("REDIS", RunFindings.MAIN_PAYLOAD).stream()
                    .filter(m -> m.strategy().equals("session") && m.algorithm().equals(algorithm)).findFirst();
            Optional<Metric> onRedis = session.flatMap(m -> findings.find(RunFindings.AUTHENTICATE, m));
            text.append("a session check on Redis costs ").append(Estimates.mean(onRedis)).append(" (a network round "
                    + "trip), against ").append(Estimates.mean(row("stateless-jwt")
                    .flatMap(m -> findings.find(RunFindings.AUTHENTICATE, m)))).append(" for a stateless JWT");
        }
        List<String> speedups = new ArrayList<>();
        for (String strategy : List.of("session", "stateless-jwt")) {
            Optional<ExactMeasurement> m = row(strategy);
            Optional<Metric> one = m.flatMap(r -> findings.find(RunFindings.AUTHENTICATE, r));
            Optional<Metric> two = m.flatMap(r -> findings.find(RunFindings.THROUGHPUT_2_THREADS, r));
            if (one.isPresent() && two.isPresent() && two.get().unit().equals("ops/s")) {
                double oneThreadRate = 1e9 / RunFindings.nanos(one.get());
                speedups.add(strategy + " " + Estimates.ratio(two.get().score() / oneThreadRate));
            }
        }
        if (!speedups.isEmpty()) {
            text.append("; on ").append(findings.run().manifest().environment().cores())
                    .append(" cores, 2 threads gave ").append(String.join(", ", speedups))
                    .append(" the one-thread rate");
        }
        return claim("JWTs scale, sessions don't", text + ".");
    }

    private String staleness() {
        List<String> windows = new ArrayList<>();
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            if (m.algorithm().equals(algorithm)) {
                windows.add(m.strategy() + " " + Units.window(m.logoutEverywhereWindowOtherNodeMillis()));
            }
        }
        return claim("JWTs carry stale data", "claims are fixed at login in every strategy; a role change reaches "
                + "requests once the old login is ended (logout everywhere) and the user logs in again, and the old "
                + "claims keep being accepted on another node for: " + String.join(", ", windows) + ".");
    }

    private String algorithms() {
        List<String> verify = new ArrayList<>();
        List<String> sign = new ArrayList<>();
        for (String alg : findings.algorithms()) {
            findings.floor(RunFindings.RAW_VERIFY_FLOOR, alg).ifPresent(m -> verify.add(alg + " " + Estimates.mean(Optional.of(m))));
            findings.rows(store, RunFindings.MAIN_PAYLOAD).stream()
                    .filter(m -> m.strategy().equals("stateless-jwt") && m.algorithm().equals(alg)).findFirst()
                    .flatMap(m -> findings.find(RunFindings.LOGIN, m))
                    .ifPresent(m -> sign.add(alg + " " + Estimates.mean(Optional.of(m))));
        }
        return claim("HS256 or RS256?", "raw signature verification here: " + String.join(", ", verify)
                + "; a stateless-jwt login (signing included): " + String.join(", ", sign) + ". The cost depends on the "
                + "JDK (" + findings.run().manifest().environment().jdkVersion() + " here). HS256 gives every verifier "
                + "the signing secret; the asymmetric algorithms let verifiers hold only a public key.");
    }

    private String refresh() {
        Optional<ExactMeasurement> accessRefresh = row("access-refresh");
        if (accessRefresh.isEmpty()) {
            return claim("Refresh tokens fix short access tokens", "this run lacks access-refresh.");
        }
        return claim("Refresh tokens fix short access tokens", "a rotation costs "
                + Estimates.mean(findings.find(RunFindings.REFRESH, accessRefresh.get())) + " and "
                + accessRefresh.get().storeCallsPerLogin() + " store call(s) per login; a logged-out access token still "
                + "works for " + Units.window(accessRefresh.get().logoutWindowOtherNodeMillis())
                + " on another node (its lifetime plus skew), while the refresh token ("
                + accessRefresh.get().refreshBytes() + " bytes) dies at once; reuse detection is covered by the tests, "
                + "not timed.");
    }

    private String sliding() {
        List<String> parts = new ArrayList<>();
        pair("sliding-session", "session").ifPresent(parts::add);
        pair("sliding-jwt", "stateless-jwt").ifPresent(parts::add);
        return claim("Sliding sessions keep users logged in", parts.isEmpty() ? "this run lacks the sliding strategies."
                : "renewal on use costs: " + String.join("; ", parts) + ". Both stop at the absolute timeout (tested).");
    }

    private Optional<String> pair(String sliding, String fixed) {
        Optional<Metric> a = row(sliding).flatMap(m -> findings.find(RunFindings.AUTHENTICATE, m));
        Optional<Metric> b = row(fixed).flatMap(m -> findings.find(RunFindings.AUTHENTICATE, m));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sliding + " authenticate " + Estimates.mean(a) + " against " + Estimates.mean(b) + " for "
                + fixed + " (" + relation(sliding, a.get(), fixed, b.get()) + ")");
    }

    private String storeHits() {
        List<String> reading = new ArrayList<>();
        List<String> notReading = new ArrayList<>();
        for (ExactMeasurement m : findings.rows(store, RunFindings.MAIN_PAYLOAD)) {
            if (m.algorithm().equals(algorithm)) {
                (m.storeCallsPerAuthenticate() > 0 ? reading : notReading).add(m.strategy());
            }
        }
        return claim("Sessions need a database hit per request", reading.size() + " of " + (reading.size()
                + notReading.size()) + " strategies read the store on every request (" + String.join(", ", reading)
                + "), " + notReading.size() + " never do (" + String.join(", ", notReading) + "). On Redis each read is "
                + "a round trip unless the near cache is used (not part of this run).");
    }

    private Optional<ExactMeasurement> row(String strategy) {
        return findings.rows(store, RunFindings.MAIN_PAYLOAD).stream()
                .filter(m -> m.strategy().equals(strategy) && m.algorithm().equals(algorithm)).findFirst();
    }

    private String storeName() {
        return store.toLowerCase(Locale.ROOT);
    }

    /** "a is 3.2x cheaper than b", or "indistinguishable within error" when the 99.9% intervals overlap. */
    static String relation(String aName, Metric a, String bName, Metric b) {
        double aLow = a.score() - errorOf(a);
        double aHigh = a.score() + errorOf(a);
        double bLow = b.score() - errorOf(b);
        double bHigh = b.score() + errorOf(b);
        if (!a.unit().equals(b.unit()) || (aLow <= bHigh && bLow <= aHigh)) {
            return a.unit().equals(b.unit()) ? aName + " and " + bName + " are indistinguishable within error"
                    : "different units";
        }
        double ratio = a.score() / b.score();
        return ratio < 1 ? aName + " is " + Estimates.ratio(1 / ratio) + " cheaper"
                : aName + " is " + Estimates.ratio(ratio) + " dearer";
    }

    private static double errorOf(Metric metric) {
        return Double.isNaN(metric.error()) ? 0 : metric.error();
    }

    private static String claim(String claim, String answer) {
        return "\"" + claim + "\": " + answer;
    }
}

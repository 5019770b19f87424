package io.github.authbench.results;

import io.github.authbench.results.ReportBlock.Heading;
import io.github.authbench.results.ReportBlock.Paragraph;
import io.github.authbench.results.ReportBlock.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * What each strategy is, beside what it measured: where the credential lives, what the server keeps, whether it fits
 * a cookie and how long logout takes (both from this run), how stale claims can get; then what the transport (cookie or
 * header) exposes, with the sources the rows rest on.
 */
final class PropertiesMatrix {

    private PropertiesMatrix() {
    }

    static void add(RunFindings findings, List<ReportBlock> blocks) {
        blocks.add(new Heading(2, "Properties matrix", "properties"));
        String store = findings.stores().get(0);
        List<List<String>> rows = new ArrayList<>();
        for (String strategy : findings.strategies()) {
            List<ExactMeasurement> measured = findings.run().exact().stream()
                    .filter(m -> m.strategy().equals(strategy) && m.store().equals(store)).toList();
            ExactMeasurement largest = measured.stream().max((a, b) -> Integer.compare(a.cookieBytes(), b.cookieBytes()))
                    .orElseThrow();
            StrategyDescription traits = findings.run().strategy(strategy).orElse(null);
            long window = largest.logoutWindowOtherNodeMillis();
            rows.add(List.of(strategy,
                    traits == null ? "?" : traits.clientCarries(),
                    traits == null ? "?" : traits.serverKeeps(),
                    (largest.fitsCookieLimit() ? "yes, " : "NO, ") + "up to " + largest.cookieBytes() + " B",
                    window == 0 ? "at once, on every node" : "after " + Units.window(window) + " (exp + skew)",
                    traits != null && traits.carriesClaims()
                            ? "in the token: stale until replaced or revoked, at most " + Units.window(window)
                            : "on the server: stale until the session is ended or updated"));
        }
        blocks.add(new Table(List.of("strategy", "client carries", "server keeps", "fits a 4096 B cookie (RFC 6265 6.1)",
                "logout takes effect (measured)", "claims after a role change"), rows, new boolean[6]));
        blocks.add(new Paragraph("Transport, whichever strategy: the same credential is exposed differently as a "
                + "cookie or as a header (OWASP Session Management and JWT Cheat Sheets; RFC 6265; RFC 8725 for the "
                + "JWT rules every signed strategy here follows: one algorithm, typ, iss and aud checked; RFC 9700 4.14.2 "
                + "for refresh rotation and reuse detection)."));
        blocks.add(new Table(List.of("transport", "XSS", "CSRF", "cross-domain", "size"), List.of(
                List.of("HttpOnly; Secure; SameSite cookie", "script cannot read it, but can ride it",
                        "sent automatically: needs SameSite or CSRF tokens", "own domain only",
                        "4096 B per cookie (RFC 6265 6.1)"),
                List.of("Authorization: Bearer from script memory or storage", "any script on the page can steal it",
                        "not sent automatically: no CSRF by itself", "any API the script calls",
                        "about 8 KiB per header line (nginx, Tomcat, Spring Boot defaults)"),
                List.of("access token in memory + refresh token in an HttpOnly cookie",
                        "access token stealable for its lifetime, refresh token not",
                        "only the refresh endpoint needs CSRF defence", "access token: any API",
                        "the cookie holds only the refresh token")), new boolean[5]));
    }
}

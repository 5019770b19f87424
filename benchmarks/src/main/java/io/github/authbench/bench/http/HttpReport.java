package io.github.authbench.bench.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The report section of an HTTP sweep in Markdown: the table, latency and cost by rate, the folklore, the charts. */
final class HttpReport {

    private final HttpRun run;

    HttpReport(HttpRun run) {
        this.run = run;
    }

    String markdown() {
        SweepSettings settings = run.settings();
        StringBuilder md = new StringBuilder();
        md.append("# End to end over HTTP\n\n");
        md.append("Each strategy behind a real Jetty server in its own JVM, loaded by an open-model driver (requests start "
                + "on schedule whatever the server does; latency counts from each request's due time) at a ladder of "
                + "offered rates. ").append(String.format(Locale.ROOT, "One request in %d is a login; the rest are "
                + "`GET /api/me` from %,d logged-in users. ", settings.loginEvery(), settings.population()))
                .append("`/ping` (no authentication) on the same server is the baseline.\n\n");
        md.append("- machine: ").append(run.machine().oneLine()).append('\n');
        md.append("- placement: ").append(run.placement().describe()).append("; loopback, no TLS\n");
        md.append("- driver: one Netty event loop (").append(run.driver()).append(")\n");
        md.append(String.format(Locale.ROOT, "- per rate: %d ms settling (not recorded), then %d ms measured (a rate "
                + "that misses in the tail is measured once more); at most %d connections; timeout %d ms; objective "
                + "p99 <= %s%n", settings.settle().toMillis(), settings.measure().toMillis(), settings.connections(),
                settings.timeout().toMillis(),
                Micros.format(settings.sloMicros())));
        md.append("- warm-up before each ladder: ").append(settings.warmup().describe()).append('\n');
        md.append("- sweep time: ").append(run.elapsed().toSeconds()).append(" s\n\n");

        md.append("## Highest rate within the objective\n\n");
        boolean several = settings.servers() > 1;
        if (several) {
            md.append("Each strategy ran on ").append(settings.servers()).append(" server JVMs, one after another; its "
                    + "row is the median server's, and the last column has every server's highest rate.\n\n");
        }
        md.append("| target | setup | highest rate, p99 <= ").append(Micros.format(settings.sloMicros()))
                .append(" | p50 | p99 | p99.9 | driver lag p99 |").append(several ? " each server |" : "")
                .append("\n|---|---|--:|--:|--:|--:|--:|").append(several ? "--:|" : "").append('\n');
        for (TargetResult target : run.targets()) {
            Optional<LoadStep> best = HttpRun.best(target);
            md.append("| ").append(target.name()).append(" | ").append(target.setup()).append(" | ")
                    .append(HttpRun.highest(target)).append(" | ")
                    .append(best.map(s -> Micros.format(s.percentileMicros(50))).orElse("-")).append(" | ")
                    .append(best.map(s -> Micros.format(s.percentileMicros(99))).orElse("-")).append(" | ")
                    .append(best.map(s -> Micros.format(s.percentileMicros(99.9))).orElse("-")).append(" | ")
                    .append(best.map(s -> Micros.format(s.lagMicros(99))).orElse("-")).append(" |");
            if (several) {
                md.append(' ').append(target.isPing() ? "" : HttpRun.serverLimits(target)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        run.checks().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');

        List<Double> rungs = settings.ladder().rungs().stream()
                .filter(r -> run.targets().stream().anyMatch(t -> HttpRun.at(t, r).isPresent())).toList();
        md.append("## p50 / p99 at each offered rate\n\n");
        md.append("A cell past a target's limit is marked `x` (p99 over the objective or failed requests).\n\n");
        header(md, rungs);
        for (TargetResult target : run.targets()) {
            md.append("| ").append(target.name());
            for (double rate : rungs) {
                md.append(" | ").append(HttpRun.at(target, rate).map(s -> Micros.format(s.percentileMicros(50)) + " / "
                        + Micros.format(s.percentileMicros(99)) + (s.meets(settings.sloMicros()) ? "" : " x"))
                        .orElse(""));
            }
            md.append(" |\n");
        }
        md.append("\n## Cost against /ping: p50 added at the same rate\n\n");
        header(md, rungs);
        for (TargetResult target : run.strategies()) {
            md.append("| ").append(target.name());
            for (double rate : rungs) {
                md.append(" | ").append(run.p50OverPing(target, rate).map(HttpRun::signed).orElse(""));
            }
            md.append(" |\n");
        }
        md.append('\n');
        folklore(md);
        md.append("## Latency by offered rate\n\n");
        for (TargetResult target : run.targets()) {
            md.append("![").append(target.name()).append("](charts/").append(target.name()).append(".svg)\n\n");
        }
        md.append("Each target's HdrHistogram log is `hdr/<target>.hlog`, one interval per rate (tag `rate-N`); "
                + "`http.json` has every step's percentiles, failures and driver lag.\n");
        return md.toString();
    }

    private static void header(StringBuilder md, List<Double> rungs) {
        md.append("| target");
        rungs.forEach(r -> md.append(" | ").append(LatencyChart.rate(r)).append("/s"));
        md.append(" |\n|---");
        rungs.forEach(r -> md.append("|--:"));
        md.append("|\n");
    }

    /** The two claims, answered only from rows this sweep measured; on the embedded store they say what that means. */
    private void folklore(StringBuilder md) {
        Optional<TargetResult> session = find("session");
        Optional<TargetResult> jwt = find("stateless-jwt");
        if (session.isEmpty() || jwt.isEmpty()) {
            return;
        }
        boolean redis = session.get().setup().contains("REDIS");
        md.append("## The folklore, from these numbers\n\n");
        if (!redis) {
            md.append("Measured on the embedded store: a session lookup here is an in-process map read. Run with "
                    + "`--store redis` for the claims about a shared session store.\n\n");
        }
        double s = session.get().climb().highestMeeting();
        double j = jwt.get().climb().highestMeeting();
        boolean bothServerLimited = !session.get().climb().atLeast() && !jwt.get().climb().atLeast();
        md.append(String.format(Locale.ROOT, "- \"JWTs scale, sessions don't\": on one server core, session sustained %s "
                + "and stateless-jwt %s within the objective%s.%n", HttpRun.highest(session.get()),
                HttpRun.highest(jwt.get()), s > 0 && j > 0 ? String.format(Locale.ROOT, " (session at %.0f%% of "
                + "stateless-jwt's rate%s)", 100 * s / j, bothServerLimited ? ""
                : "; at least one climb stopped short of its server's limit, so the ratio is a bound, not a verdict")
                : ""));
        TreeSet<Double> common = new TreeSet<>();
        run.settings().ladder().rungs().stream().filter(r -> run.p50OverPing(session.get(), r).isPresent()
                && run.p50OverPing(jwt.get(), r).isPresent()).forEach(common::add);
        if (!common.isEmpty()) {
            // The highest rate both sustained: at the lowest rates a CPU woken from idle adds more than either check.
            double rate = common.last();
            md.append(String.format(Locale.ROOT, "- \"sessions need a database hit per request\": they do%s; at "
                    + "%,.0f/s session's p50 was %s from /ping's, stateless-jwt's (a signature check) %s.%n",
                    redis ? " (one Redis round trip per request)" : " (here an in-process lookup)", rate,
                    HttpRun.signed(run.p50OverPing(session.get(), rate).get()),
                    HttpRun.signed(run.p50OverPing(jwt.get(), rate).get())));
        }
        md.append('\n');
    }

    private Optional<TargetResult> find(String name) {
        return run.strategies().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}

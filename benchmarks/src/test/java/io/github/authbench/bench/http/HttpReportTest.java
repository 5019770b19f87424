package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.results.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's answers to the folklore come from the rows measured, and say when a row's limit is not the server's. */
class HttpReportTest {

    private static final SweepSettings SETTINGS = new SweepSettings(new RateLadder(1_000, 2, 8_000, 0),
            WarmupPlan.atLeast(100),
            Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, 10, 100, 16, 1);
    private static final Environment MACHINE = new Environment("Vendor", "17.0.15", "Test VM", "Linux", "Test CPU", 2,
            1L << 34, "x", Map.of());

    /** A target whose p50 is {@code p50} at every rate and whose climb stopped at {@code highest} for {@code limit}. */
    private static TargetResult target(String name, String store, long p50, double highest, RateLadder.Limit limit) {
        return target(name, store, p50, highest, limit, true);
    }

    private static TargetResult target(String name, String store, long p50, double highest, RateLadder.Limit limit,
            boolean warmedUp) {
        List<LoadStep> steps = List.of(RateLadderTest.step(1_000, p50, 0, 50), RateLadderTest.step(2_000, p50, 0, 50));
        return TargetResult.of(name, name + " HS256 jjwt " + store + " TYPICAL COOKIE",
                new OpenLoadDriver.Warmup(50_000, Duration.ofSeconds(8), 9_000, warmedUp ? 3 : 900, warmedUp),
                new RateLadder.Climb(steps, highest, limit));
    }

    private static String report(RateLadder.Limit sessionLimit) {
        return report(target("session", "REDIS", 300, 2_000, sessionLimit),
                target("stateless-jwt", "REDIS", 250, 4_000, RateLadder.Limit.SERVER));
    }

    private static String report(TargetResult... strategies) {
        List<TargetResult> targets = new java.util.ArrayList<>(List.of(
                target(TargetResult.PING, "REDIS", 200, 8_000, RateLadder.Limit.LADDER)));
        targets.addAll(List.of(strategies));
        return new HttpReport(new HttpRun(SETTINGS, new CpuPlacement("1", "0", 2), "epoll, polling on its own CPU",
                MACHINE, targets, Duration.ofSeconds(60))).markdown();
    }

    @Test
    void onRedisTheClaimsAreAnsweredFromTheMeasuredRows() {
        String report = report(RateLadder.Limit.SERVER);

        assertThat(report).contains("session sustained 2,000/s and stateless-jwt 4,000/s within the objective "
                + "(session at 50% of stateless-jwt's rate).");
        assertThat(report).contains("they do (one Redis round trip per request); at 2,000/s session's p50 was +100 us "
                + "from /ping's, stateless-jwt's (a signature check) +50 us.");
        assertThat(report).doesNotContain("embedded store");
    }

    @Test
    void aRowTheDriverStoppedIsABoundNotAVerdict() {
        assertThat(report(RateLadder.Limit.DRIVER)).contains("session sustained >= 2,000/s (d)",
                "so the ratio is a bound, not a verdict");
    }

    @Test
    void aServerWhoseWarmUpDidNotSettleIsNamedAndTheRuleIsStated() {
        String report = report(target("session", "REDIS", 300, 2_000, RateLadder.Limit.SERVER),
                target("stateless-jwt", "REDIS", 250, 4_000, RateLadder.Limit.SERVER, false));

        assertThat(report).contains("warm-up did NOT settle for stateless-jwt within 60 s")
                .contains("until the server's JIT compiled for at most 5% of a round");
        assertThat(report(RateLadder.Limit.SERVER)).doesNotContain("did NOT settle");
    }

    @Test
    void aRowWithFailedRequestsSaysHowManyAndWhatTheServerAnswered() {
        List<LoadStep> steps = List.of(RateLadderTest.step(1_000, 300, 2, 50), RateLadderTest.step(707, 300, 1, 50));
        TargetResult refused = TargetResult.of("stateful-jwt", "stateful-jwt HS256 jjwt CAFFEINE TYPICAL COOKIE",
                new OpenLoadDriver.Warmup(50_000, Duration.ofSeconds(8), 9_000, 3, true),
                new RateLadder.Climb(steps, 0, RateLadder.Limit.SERVER));

        assertThat(report(refused)).contains("stateful-jwt: 3 measured requests failed (401 UNKNOWN: 3); a step with a "
                + "failure counts as missed");
        assertThat(report(RateLadder.Limit.SERVER)).doesNotContain("requests failed");
    }
}

package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The climb on a server whose answer to each rate is known: where it stops, how it refines, what it blames. */
class RateLadderTest {

    private static final long SLO = 10_000;
    private final List<Double> tried = new ArrayList<>();

    /** A server that keeps p99 at 1 ms up to {@code capacity} and at 50 ms beyond it, with a driver {@code lag} late. */
    private RateLadder.Measure server(double capacity, long lagMicros) {
        return rate -> {
            tried.add(rate);
            return step(rate, rate <= capacity ? 1_000 : 50_000, 0, lagMicros);
        };
    }

    static LoadStep step(double rate, long latencyMicros, long failed, long lagMicros) {
        return step(rate, latencyMicros, latencyMicros, failed, lagMicros);
    }

    /** A step whose slowest 3% took {@code tailMicros} and the rest {@code bodyMicros}. */
    static LoadStep step(double rate, long bodyMicros, long tailMicros, long failed, long lagMicros) {
        Histogram latency = LoadStep.histogram();
        Histogram lag = LoadStep.histogram();
        for (int i = 0; i < 1_000; i++) {
            latency.recordValue(i < 970 ? bodyMicros : tailMicros);
            lag.recordValue(lagMicros);
        }
        return new LoadStep(rate, 1_000, failed == 0 ? Map.of() : Map.of("401 UNKNOWN", failed), latency, lag);
    }

    @Test
    void climbsUntilTheFirstMissThenBisectsBetweenTheLastRateThatMetAndIt() throws InterruptedException {
        RateLadder.Climb climb = new RateLadder(500, 2, 32_000, 3).climb(server(3_000, 50), SLO);

        assertThat(tried).as("an overloaded rate (median over the objective) measured once").containsExactly(500.0,
                1_000.0, 2_000.0, 4_000.0, 2_828.0, 3_363.0, 3_084.0);
        assertThat(climb.highestMeeting()).isEqualTo(2_828.0);
        assertThat(climb.limit()).isEqualTo(RateLadder.Limit.SERVER);
        assertThat(climb.atLeast()).isFalse();
        assertThat(climb.steps()).hasSize(7);
    }

    @Test
    void aMissInTheTailIsMeasuredOnceMoreAndTheSecondDecides() throws InterruptedException {
        RateLadder.Climb climb = new RateLadder(500, 2, 32_000, 1).climb(rate -> {
            tried.add(rate);
            return step(rate, 1_000, rate > 3_000 ? 50_000 : 2_000, 0, 50);
        }, SLO);

        assertThat(tried).containsExactly(500.0, 1_000.0, 2_000.0, 4_000.0, 4_000.0, 2_828.0);
        assertThat(climb.highestMeeting()).isEqualTo(2_828.0);
    }

    @Test
    void aMissThatDoesNotRepeatDoesNotEndTheClimb() throws InterruptedException {
        int[] calls = {0};
        RateLadder.Climb climb = new RateLadder(500, 2, 2_000, 0).climb(rate -> {
            tried.add(rate);
            boolean stolenSlice = rate == 1_000 && calls[0]++ == 0;
            return step(rate, 1_000, stolenSlice ? 50_000 : 1_000, 0, 50);
        }, SLO);

        assertThat(tried).containsExactly(500.0, 1_000.0, 1_000.0, 2_000.0);
        assertThat(climb.highestMeeting()).isEqualTo(2_000.0);
        assertThat(climb.limit()).isEqualTo(RateLadder.Limit.LADDER);
    }

    @Test
    void aTargetThatMeetsEveryRungIsReportedAsAtLeastTheTopRung() throws InterruptedException {
        RateLadder.Climb climb = new RateLadder(500, 2, 4_000, 3).climb(server(1e9, 50), SLO);

        assertThat(tried).containsExactly(500.0, 1_000.0, 2_000.0, 4_000.0);
        assertThat(climb.highestMeeting()).isEqualTo(4_000.0);
        assertThat(climb.limit()).isEqualTo(RateLadder.Limit.LADDER);
        assertThat(climb.atLeast()).isTrue();
    }

    @Test
    void aMissWhileTheDriverRanLateIsBlamedOnTheDriverNotTheServer() throws InterruptedException {
        RateLadder.Climb climb = new RateLadder(500, 2, 32_000, 0).climb(
                rate -> step(rate, rate > 1_500 ? 11_000 : 1_000, 0, rate > 1_500 ? 2_000 : 50), SLO);

        assertThat(climb.highestMeeting()).isEqualTo(1_000.0);
        assertThat(climb.limit()).isEqualTo(RateLadder.Limit.DRIVER);
        assertThat(climb.atLeast()).isTrue();
    }

    @Test
    void failedRequestsMissTheObjectiveWhateverTheLatency() {
        assertThat(step(500, 100, 1, 10).miss(SLO)).isEqualTo(LoadStep.Miss.SERVER);
        assertThat(step(500, 100, 0, 10).miss(SLO)).isEqualTo(LoadStep.Miss.NONE);
        assertThat(step(500, 100, 0, 5_000).miss(SLO))
                .as("latency counts from the due time, so a late driver only adds to it: what met the objective met it")
                .isEqualTo(LoadStep.Miss.NONE);
        assertThat(step(500, 50_000, 0, 50).miss(SLO)).isEqualTo(LoadStep.Miss.SERVER);
    }

    @Test
    void aMissIsTheDriversOnlyWhenItsLatenessCouldExplainIt() {
        assertThat(step(500, 12_000, 0, 5_000).miss(SLO))
                .as("p99 12 ms against 10 ms, the driver up to 5 ms late: it may be the driver's")
                .isEqualTo(LoadStep.Miss.DRIVER);
        assertThat(step(500, 50_000, 0, 5_000).miss(SLO))
                .as("p99 50 ms: even 5 ms less, 1% of requests spent over 10 ms in the server")
                .isEqualTo(LoadStep.Miss.SERVER);
        assertThat(step(500, 12_000, 3, 5_000).miss(SLO)).as("failures waited the whole timeout")
                .isEqualTo(LoadStep.Miss.SERVER);
    }

    @Test
    void aFirstRungThatMissesLeavesNoRateAndRefinesBelowIt() throws InterruptedException {
        RateLadder.Climb climb = new RateLadder(1_000, 2, 8_000, 2).climb(server(100, 50), SLO);

        assertThat(tried).containsExactly(1_000.0, 707.0, 595.0);
        assertThat(climb.highestMeeting()).isZero();
        assertThat(climb.limit()).isEqualTo(RateLadder.Limit.SERVER);
    }
}

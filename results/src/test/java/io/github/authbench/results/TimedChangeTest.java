package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which changes {@code ./authbench ab} gives more fork pairs: those whose verdict more pairs could still turn, at the
 * default threshold of 5%.
 */
class TimedChangeTest {

    private static final double THRESHOLD = 5;

    @Test
    void aCostThatMayOrMayNotBeBeyondTheThresholdIsUndecided() {
        assertThat(cost(8, -1, 17, Verdict.SAME).undecided(THRESHOLD)).isTrue();
        // beyond it with significance, but the interval still reaches back within it
        assertThat(cost(9, 2, 16, Verdict.REGRESSED).undecided(THRESHOLD)).isTrue();
    }

    @Test
    void aChangeTheForksHaveDecidedIsNot() {
        assertThat(cost(30, 20, 40, Verdict.REGRESSED).undecided(THRESHOLD)).as("surely beyond").isFalse();
        assertThat(cost(1, -2, 4, Verdict.SAME).undecided(THRESHOLD)).as("surely within").isFalse();
        assertThat(cost(-6, -12, 0.5, Verdict.SAME).undecided(THRESHOLD)).as("surely not beyond").isFalse();
    }

    @Test
    void aChangeThatLooksSmallerThanHalfTheThresholdIsLeftAlone() {
        // what an unchanged benchmark with wide intervals looks like: more pairs would mostly confirm it
        assertThat(cost(2, -8, 12, Verdict.SAME).undecided(THRESHOLD)).isFalse();
        assertThat(cost(-4, -14, 6, Verdict.SAME).undecided(THRESHOLD)).isFalse();
    }

    @Test
    void forAThroughputFewerOperationsAreWorse() {
        assertThat(throughput(-8, -17, 1).undecided(THRESHOLD)).isTrue();
        assertThat(throughput(8, -1, 17).undecided(THRESHOLD)).as("more operations is better").isFalse();
        assertThat(throughput(-8, -17, 1).suspicion(THRESHOLD)).isEqualTo(cost(8, -1, 17, Verdict.SAME)
                .suspicion(THRESHOLD));
    }

    @Test
    void aChangeWithoutAnIntervalIsNotUndecided() {
        TimedChange oneForkASide = new TimedChange("b", "ns/op", false, null, null, 20.0, null, null,
                Verdict.UNCONFIRMED);
        assertThat(oneForkASide.undecided(THRESHOLD)).isFalse();
    }

    @Test
    void theLikeliestRegressionRanksFirstAndANarrowerIntervalAheadOfAWiderOne() {
        TimedChange likely = cost(12, 1, 23, Verdict.REGRESSED);
        TimedChange possible = cost(6, -4, 16, Verdict.SAME);
        TimedChange wideShot = cost(12, -28, 52, Verdict.SAME);
        assertThat(likely.suspicion(THRESHOLD)).isGreaterThan(wideShot.suspicion(THRESHOLD))
                .isGreaterThan(possible.suspicion(THRESHOLD));
        assertThat(cost(3, -5, 11, Verdict.SAME).suspicion(THRESHOLD)).isNegative();
    }

    private static TimedChange cost(double change, double low, double high, Verdict verdict) {
        return new TimedChange("b", "ns/op", false, null, null, change, low, high, verdict);
    }

    private static TimedChange throughput(double change, double low, double high) {
        return new TimedChange("b", "ops/s", false, null, null, change, low, high, Verdict.SAME);
    }
}

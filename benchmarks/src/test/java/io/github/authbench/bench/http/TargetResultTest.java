package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row measured on several server JVMs reads as its median server, whole: no figure comes from another server. */
class TargetResultTest {

    /**
     * A server whose climb ended at {@code highest}, its warm-up's last rate set to the same, to tell servers apart.
     */
    private static TargetResult.ServerRun server(double highest) {
        return new TargetResult.ServerRun(new OpenLoadDriver.Warmup(1_000, Duration.ofSeconds(5), highest, 0, true),
                new RateLadder.Climb(List.of(RateLadderTest.step(highest, 100, 0, 10)), highest,
                        RateLadder.Limit.SERVER));
    }

    private static TargetResult row(double... highest) {
        return new TargetResult("session", "session HS256", Arrays.stream(highest).mapToObj(TargetResultTest::server)
                .toList());
    }

    @Test
    void theRowIsTheServerWithTheMedianRateWithItsOwnWarmUpAndSteps() {
        TargetResult row = row(14_672, 9_514, 11_314);

        assertThat(row.climb().highestMeeting()).isEqualTo(11_314);
        assertThat(row.warmup().lastRate()).as("the same server's warm-up").isEqualTo(11_314);
        assertThat(row.climb().steps()).singleElement().extracting(LoadStep::offeredRate).isEqualTo(11_314.0);
        assertThat(row.servers()).as("every server kept, in the order run").extracting(s -> s.climb().highestMeeting())
                .containsExactly(14_672.0, 9_514.0, 11_314.0);
    }

    @Test
    void ofAnEvenNumberTheLowerOfTheMiddleTwoAndOfOneThatOne() {
        assertThat(row(16_000, 7_336, 12_338, 10_375).climb().highestMeeting()).isEqualTo(10_375);
        assertThat(row(7_336).climb().highestMeeting()).isEqualTo(7_336);
    }

    @Test
    void aRowNeedsAServer() {
        assertThatThrownBy(() -> row()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session");
    }

    @Test
    void eachServersRateIsListedWithTheirSpread() {
        assertThat(HttpRun.serverLimits(row(9_514, 11_314))).isEqualTo("9,514/s, 11,314/s (1.19x)");
    }
}

package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {

    @Test
    void oddAndEvenMedians() {
        assertThat(MedianInterval.of(new double[] {5, 1, 3}).median()).isEqualTo(3);
        assertThat(MedianInterval.of(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }

    /** n = 16: P(Bin(16, 1/2) <= 3) = 0.0106, so ranks 4 and 13 cover 97.9%; ranks 5 and 12 would cover only 92.3%. */
    @Test
    void sixteenSamplesUseTheFourthSmallestAndLargest() {
        double[] samples = new double[16];
        for (int i = 0; i < 16; i++) {
            samples[i] = 16 - i;
        }
        MedianInterval interval = MedianInterval.of(samples);
        assertThat(interval.low()).isEqualTo(4);
        assertThat(interval.high()).isEqualTo(13);
        assertThat(interval.confidence()).isCloseTo(0.9787, within(1e-4));
    }

    /** Five samples cannot give 95%: the whole range covers 1 - 2/32 = 93.75%, and the record says so. */
    @Test
    void tooFewSamplesSayHowMuchTheyCover() {
        MedianInterval interval = MedianInterval.of(new double[] {10, 11, 12, 13, 14});
        assertThat(interval.low()).isEqualTo(10);
        assertThat(interval.high()).isEqualTo(14);
        assertThat(interval.confidence()).isCloseTo(0.9375, within(1e-9));
    }

    @Test
    void relativeHalfWidthIsThePlusMinusOfATable() {
        MedianInterval interval = new MedianInterval(16, 100, 90, 110, 0.979);
        assertThat(interval.relativeHalfWidth()).isCloseTo(0.10, within(1e-12));
    }
}

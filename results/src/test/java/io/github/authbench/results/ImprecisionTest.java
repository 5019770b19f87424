package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Each cause of an imprecise score is named from its raw iterations, and a precise score has none. */
class ImprecisionTest {

    private static final double TARGET = 0.10;

    /** A metric with JMH's 99.9% error of these forks' samples. */
    private static Metric metric(double[]... forks) {
        double[] all = Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
        double mean = Arrays.stream(all).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(all).map(x -> (x - mean) * (x - mean)).sum() / (all.length - 1));
        double t = new TDistribution(all.length - 1).inverseCumulativeProbability(0.9995);
        return new Metric(mean, t * sd / Math.sqrt(all.length), "ns/op", List.of(forks));
    }

    /** {@code n} iterations around {@code level}, +-1%, repeatably. */
    private static double[] steady(double level, int n) {
        return IntStream.range(0, n).mapToDouble(i -> level * (1 + 0.01 * ((i * 7 % 5) - 2) / 2.0)).toArray();
    }

    @Test
    void aScoreWithinItsTargetHasNoCause() {
        assertThat(Imprecision.of(metric(steady(100, 20)), TARGET, null)).isEmpty();
    }

    @Test
    void forksSettledAtDifferentLevelsAreBimodalForks() {
        Metric score = metric(steady(100, 20), steady(160, 20));
        assertThat(score.relativeError()).isGreaterThan(TARGET);

        assertThat(Imprecision.of(score, TARGET, null)).contains(Imprecision.FORKS_DISAGREE);
    }

    @Test
    void aScoreStillFallingThroughItsIterationsIsWarmUpDrift() {
        double[] falling = IntStream.range(0, 20).mapToDouble(i -> 200 - 5 * i).toArray();
        Metric score = metric(falling);
        assertThat(score.relativeError()).isGreaterThan(TARGET);

        assertThat(Imprecision.of(score, TARGET, null)).contains(Imprecision.WARM_UP_DRIFT);
    }

    @Test
    void twoIterationsFarOffTheRestAreOutliersAndGcWhenTheyHadACollection() {
        double[] fork = steady(100, 20);
        fork[5] = 400;
        fork[14] = 380;
        Metric score = metric(fork);
        assertThat(score.relativeError()).isGreaterThan(TARGET);
        double[] collections = new double[20];
        collections[5] = 1;
        collections[14] = 2;
        double[] elsewhere = new double[20];
        elsewhere[0] = 1;

        assertThat(Imprecision.of(score, TARGET, null)).contains(Imprecision.OUTLIERS);
        assertThat(Imprecision.of(score, TARGET, new Metric(0.15, 0, "counts", List.of(collections))))
                .contains(Imprecision.GC);
        assertThat(Imprecision.of(score, TARGET, new Metric(0.05, 0, "counts", List.of(elsewhere))))
                .contains(Imprecision.OUTLIERS);
    }

    @Test
    void iterationsSpreadEvenlyAreSpreadThroughout() {
        double[] alternating = IntStream.range(0, 20).mapToDouble(i -> i % 2 == 0 ? 60 : 140).toArray();
        Metric score = metric(alternating, alternating.clone());
        assertThat(score.relativeError()).isGreaterThan(TARGET);

        assertThat(Imprecision.of(score, TARGET, null)).contains(Imprecision.SPREAD);
    }
}

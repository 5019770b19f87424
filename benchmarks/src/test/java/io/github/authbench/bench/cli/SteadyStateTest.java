package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authbench.results.JmhJson;
import io.github.authbench.results.RunDirectory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.ListStatistics;

/** Each fork's measured iterations are cut where the score became steady, and nothing cut is lost. */
class SteadyStateTest {

    private static ObjectNode entry(double[]... forks) {
        ObjectNode entry = RunDirectory.JSON.createObjectNode();
        entry.put("benchmark", "io.github.authbench.bench.AuthenticateBenchmark.throughput2Threads");
        entry.put("mode", "thrpt");
        ArrayNode raw = entry.withObject("primaryMetric").withArray("rawData");
        ArrayNode allocation = entry.withObject("secondaryMetrics").withObject("gc.alloc.rate.norm").withArray("rawData");
        for (double[] fork : forks) {
            ArrayNode samples = raw.addArray();
            ArrayNode bytes = allocation.addArray();
            for (int i = 0; i < fork.length; i++) {
                samples.add(fork[i]);
                bytes.add(1000 + i);
            }
        }
        return entry;
    }

    /** Rising from 40,000 to 100,000 ops/s over six iterations, then steady at 100,000 +-1%. */
    private static double[] warmingUp() {
        return IntStream.range(0, 24).mapToDouble(i -> i < 6 ? 40_000 + 10_000 * i : 100_000 + (i % 2 == 0 ? 1000 : -1000))
                .toArray();
    }

    @Test
    void aForkStillWarmingUpIsCutWhereItBecameSteadyAndTheCutIterationsAreKept() {
        ObjectNode entry = entry(warmingUp());

        int cut = SteadyState.cut(entry);

        assertThat(cut).isEqualTo(6);
        assertThat(entry.at("/primaryMetric/rawData/0")).hasSize(18);
        assertThat(entry.path(JmhJson.PRECISION_FIELD).path("warmup").get(0)).hasSize(6);
        assertThat(entry.path(JmhJson.PRECISION_FIELD).path("warmup").get(0).get(0).asDouble()).isEqualTo(40_000);
        double[] steady = IntStream.range(6, 24).mapToDouble(i -> warmingUp()[i]).toArray();
        assertThat(entry.at("/primaryMetric/score").asDouble()).isCloseTo(new ListStatistics(steady).getMean(),
                within(1e-6));
        assertThat(entry.at("/primaryMetric/scoreError").asDouble())
                .isCloseTo(new ListStatistics(steady).getMeanErrorAt(0.999), within(1e-6));
        assertThat(entry.at("/secondaryMetrics/gc.alloc.rate.norm/rawData/0")).hasSize(18);
        assertThat(entry.at("/secondaryMetrics/gc.alloc.rate.norm/rawData/0/0").asDouble()).isEqualTo(1006);
    }

    @Test
    void aSteadyForkKeepsEveryIteration() {
        double[] steady = IntStream.range(0, 20).mapToDouble(i -> i % 2 == 0 ? 99 : 101).toArray();
        ObjectNode entry = entry(steady, warmingUp());

        assertThat(SteadyState.cut(entry)).isEqualTo(6);
        assertThat(entry.at("/primaryMetric/rawData/0")).hasSize(20);
        assertThat(entry.at("/primaryMetric/rawData/1")).hasSize(18);
    }

    @Test
    void neverMoreThanHalfTheIterations() {
        double[] falling = IntStream.range(0, 20).mapToDouble(i -> 200 - 5 * i).toArray();

        assertThat(SteadyState.steadyFrom(falling)).isEqualTo(10);
    }
}

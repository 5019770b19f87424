package io.github.authbench.results;

import java.util.Arrays;
import java.util.List;

/**
 * One metric of one JMH benchmark: JMH's score and its 99.9% error (NaN when JMH could not compute one), the unit, and
 * the raw per-iteration samples of every fork, which is what comparisons are computed from.
 */
public record Metric(double score, double error, String unit, List<double[]> samplesPerFork) {

    /** Every measured iteration of every fork, in order. */
    public double[] samples() {
        return samplesPerFork.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** Error as a fraction of the score; infinite when there is none (one iteration, or a single fork of one shot). */
    public double relativeError() {
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / Math.abs(score);
    }

    /** The median of each fork's samples, in fork order. */
    public double[] forkMedians() {
        return samplesPerFork.stream().mapToDouble(fork -> MedianInterval.of(fork).median()).toArray();
    }

    /** Time units put lower first; throughput units (operations per time) put higher first. */
    public Direction direction() {
        return Direction.ofUnit(unit);
    }
}

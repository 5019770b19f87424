package io.github.authbench.results;

import java.util.Optional;

/** How a report writes a measured value: always with its error, or with "exact" where there is none to have. */
public final class Estimates {

    private Estimates() {
    }

    /** JMH's mean and its 99.9% error relative to the mean: "33.7 us ±28%". */
    public static String mean(Optional<Metric> metric) {
        return metric.map(m -> Units.of(m.score(), m.unit()) + " " + Units.plusMinus(m.relativeError())).orElse("-");
    }

    /** The p50 and p99 of shots (calls timed one by one), with their count: the tail a mean hides. */
    public static String shots(Optional<Metric> metric) {
        return metric.map(m -> "p50 " + Units.time(RunFindings.percentileNanos(m, 50)) + ", p99 "
                + Units.time(RunFindings.percentileNanos(m, 99)) + " (n=" + m.samples().length + ")").orElse("-");
    }

    public static String ratio(double value) {
        return Units.digits(value) + "x";
    }
}

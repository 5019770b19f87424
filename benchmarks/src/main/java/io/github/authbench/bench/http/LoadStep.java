package io.github.authbench.bench.http;

import org.HdrHistogram.Histogram;

/**
 * What one rate of the open-model load measured: every request scheduled in the measured window, its latency from
 * the instant it was meant to start (so a slow answer delays nobody's clock: no coordinated omission), and how late
 * the driver itself sent each one. Times in microseconds.
 *
 * @param offeredRate requests per second the schedule asked for
 * @param scheduled requests scheduled in the measured window
 * @param failed requests that got no answer in time, or an answer other than the one expected
 * @param latency microseconds from intended start to the complete answer, failures included
 * @param lag microseconds from intended start to the driver's send
 */
public record LoadStep(double offeredRate, long scheduled, long failed, Histogram latency, Histogram lag) {

    /** The most a histogram records: a request times out long before a minute. */
    public static final long HIGHEST_MICROS = 60_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    public long percentileMicros(double percentile) {
        return latency.getValueAtPercentile(percentile);
    }

    /** Driver lateness at or above this (p99) means a miss may be the driver's rather than the server's. */
    public static final long LAG_LIMIT_MICROS = 1_000;

    /** Why a step does not count as sustained, or {@link Miss#NONE}. */
    public enum Miss {
        NONE,
        /** p99 over the objective, or requests failed, with the driver on time: the server's limit. */
        SERVER,
        /** A miss while the driver sent late (p99 at or above {@link #LAG_LIMIT_MICROS}): it may be the driver's own. */
        DRIVER
    }

    /**
     * Whether the step counts as sustained. Latency counts from the due instant, so a late driver only ever adds to it:
     * a step that met the objective met it even if the driver was late (on a shared virtual machine the host takes the
     * driver's CPU away now and then, whatever the rate), while a miss with a late driver may be the driver's own.
     */
    public Miss miss(long sloMicros) {
        if (failed == 0 && scheduled > 0 && percentileMicros(99) <= sloMicros) {
            return Miss.NONE;
        }
        return lagMicros(99) >= LAG_LIMIT_MICROS ? Miss.DRIVER : Miss.SERVER;
    }

    /** The rate counts as sustained ({@link #miss} is {@link Miss#NONE}). */
    public boolean meets(long sloMicros) {
        return miss(sloMicros) == Miss.NONE;
    }

    public long lagMicros(double percentile) {
        return lag.getValueAtPercentile(percentile);
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }
}

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

    /** Requests per second that completed without failure over the measured window. */
    public double achievedRate(double measuredSeconds) {
        return (scheduled - failed) / measuredSeconds;
    }

    public long percentileMicros(double percentile) {
        return latency.getValueAtPercentile(percentile);
    }

    /** Driver lateness at or above this (p99) means the step says more about the driver than about the server. */
    public static final long LAG_LIMIT_MICROS = 1_000;

    /** Why a step does not count as sustained, or {@link Miss#NONE}. */
    public enum Miss {
        NONE,
        /** p99 over the objective, or requests failed, with the driver on time: the server's limit. */
        SERVER,
        /**
         * The driver sent late (p99 at or above {@link #LAG_LIMIT_MICROS}): the rate was not offered on schedule, so the
         * step is not reported whatever its latency, and a miss may be the driver's own.
         */
        DRIVER
    }

    /** Whether the step counts as sustained: the driver on time, every request answered, p99 within the objective. */
    public Miss miss(long sloMicros) {
        if (lagMicros(99) >= LAG_LIMIT_MICROS) {
            return Miss.DRIVER;
        }
        return failed == 0 && scheduled > 0 && percentileMicros(99) <= sloMicros ? Miss.NONE : Miss.SERVER;
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

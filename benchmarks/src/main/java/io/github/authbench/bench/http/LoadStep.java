package io.github.authbench.bench.http;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one rate of the open-model load measured: every request scheduled in the measured window, its latency from
 * the instant it was meant to start (so a slow answer delays nobody's clock: no coordinated omission), and how late
 * the driver itself sent each one. Times in microseconds.
 *
 * @param offeredRate requests per second the schedule asked for
 * @param scheduled requests scheduled in the measured window
 * @param failures requests that got no answer in time, or an answer other than the one expected, counted by what
 *     happened ({@link Outcome#failure()}), at most {@link #FAILURE_KINDS} kinds
 * @param latency microseconds from intended start to the complete answer, failures included
 * @param lag microseconds from intended start to the driver's send
 */
public record LoadStep(double offeredRate, long scheduled, Map<String, Long> failures, Histogram latency,
        Histogram lag) {

    /**
     * Kinds of failure a step keeps apart; the rest count as {@link #OTHER_FAILURES}, so a hostile target's answers
     * cannot grow a step without bound.
     */
    static final int FAILURE_KINDS = 8;
    static final String OTHER_FAILURES = "other";

    public LoadStep {
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    /** Requests that failed, whatever the kind. */
    public long failed() {
        return total(failures);
    }

    /** All the failures counted in {@code failures}, whatever the kind. */
    static long total(Map<String, Long> failures) {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failures by kind as a person reads them: {@code 401 UNKNOWN: 2, no answer: 1}. */
    static String describe(Map<String, Long> failures) {
        return failures.entrySet().stream()
                .map(kind -> String.format(Locale.ROOT, "%s: %,d", kind.getKey(), kind.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Counts one failure into {@code failures}, under its own kind while there are fewer than the limit. */
    static void count(Map<String, Long> failures, String failure) {
        String kind = failures.containsKey(failure) || failures.size() < FAILURE_KINDS ? failure : OTHER_FAILURES;
        failures.merge(kind, 1L, Long::sum);
    }

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
        /** p99 over the objective by more than the driver's lateness, or requests failed: the server's limit. */
        SERVER,
        /**
         * A miss while the driver sent late (p99 at or above {@link #LAG_LIMIT_MICROS}) by enough to explain it: it may be
         * the driver's own.
         */
        DRIVER
    }

    /**
     * Whether the step counts as sustained, and whose a miss is. Latency counts from the due time, so a late driver only
     * ever adds to it: a step that met the objective met it even if the driver was late (on a shared virtual machine
     * the host takes the driver's CPU away now and then, whatever the rate). A request's latency is the driver's
     * lateness plus the server's time, so when the p99 exceeds the objective by more than the driver's worst lateness,
     * at least 1% of requests spent longer than the objective in the server: the miss is the server's even if the
     * driver ran late (a saturated server queues answers for hundreds of milliseconds, and the driver, reading them in
     * bursts, runs a little late too). Failed requests are the server's: they waited the whole timeout.
     */
    public Miss miss(long sloMicros) {
        long p99 = percentileMicros(99);
        if (failed() == 0 && scheduled > 0 && p99 <= sloMicros) {
            return Miss.NONE;
        }
        boolean driverLate = lagMicros(99) >= LAG_LIMIT_MICROS;
        boolean lateEnoughToExplainIt = failed() == 0 && p99 <= sloMicros + lag.getMaxValue();
        return driverLate && lateEnoughToExplainIt ? Miss.DRIVER : Miss.SERVER;
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

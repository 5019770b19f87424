package io.github.authbench.bench.http;

import java.time.Duration;
import java.util.Locale;

/**
 * How a server is warmed up before its ladder: closed-loop rounds (each answer sends the next request) until the server's
 * JIT has stopped compiling and its rate has stopped moving, then a short rehearsal of the open-model schedule.
 *
 * <p>Why the compiler decides: on one CPU a server's compiler threads share the CPU with its request threads, and a
 * JWT server's code path is long (JSON, Base64, the library's layers), so its compilation takes many seconds, during
 * which the server answers at a fraction of its compiled rate. A rate that holds still for two rounds proves nothing
 * while the compiler is busy the whole round, and a ladder measured after such a warm-up finds the limit of
 * half-compiled code (figures: {@code docs/measurements.md}). Why the rare requests first: with one login in a hundred,
 * the login path reached the compiler's thresholds a minute or more into the load, and each of its compilations took
 * the server's CPU from under a measured rate.
 *
 * @param mixRequests requests of the workload's warm-up mix first (or a quarter of the limit, if that comes first):
 *     a fixed count, because the warm-up's logins stay live on the server and every server should start its ladder
 *     with as many
 * @param minimum the fewest requests
 * @param round one round's length: rates and compilation are compared round to round
 * @param inFlight requests in flight: enough to keep the server's CPU busy across the driver's round trip, few enough
 *     that its request threads leave the compiler a fair share of the CPU (each runnable thread gets its turn)
 * @param atLeast the shortest warm-up
 * @param limit the longest: a server whose compiler never settles is loaded anyway, and the output says so
 * @param quietShare the share of a round the server's compilers may have worked for the JIT to count as quiet
 * @param steadyShare how close two rounds' rates must be
 * @param rehearsal the open-model schedule at half the last rate, unrecorded, before the driver's first ladder, so
 *     that the driver's schedule path is compiled before its first measured rate
 */
public record WarmupPlan(long mixRequests, long minimum, Duration round, int inFlight, Duration atLeast,
        Duration limit, double quietShare, double steadyShare, Duration rehearsal) {

    /** One login in four: 20,000 logins, enough for the server's JIT to compile the login path. */
    public static final long MIX_REQUESTS = 80_000;
    public static final Duration ROUND = Duration.ofSeconds(1);
    public static final int IN_FLIGHT = 4;
    public static final Duration AT_LEAST = Duration.ofSeconds(5);
    public static final Duration LIMIT = Duration.ofSeconds(60);
    /** A compiler busy for 5% of a round is finishing stragglers; one at work on the hot path is busy all round. */
    public static final double QUIET = 0.05;
    public static final double STEADY = 0.10;
    public static final Duration REHEARSAL = Duration.ofSeconds(2);

    public WarmupPlan {
        if (mixRequests < 0 || minimum < 0 || round.isZero() || round.isNegative() || inFlight < 1
                || atLeast.isNegative() || limit.compareTo(atLeast) < 0 || !(quietShare > 0) || !(steadyShare > 0)
                || rehearsal.isNegative()) {
            throw new IllegalArgumentException("a warm-up needs rounds, requests in flight and limit >= atLeast");
        }
    }

    /** The sweep's warm-up, at least {@code minimum} requests. */
    public static WarmupPlan atLeast(long minimum) {
        return new WarmupPlan(MIX_REQUESTS, minimum, ROUND, IN_FLIGHT, AT_LEAST, LIMIT, QUIET, STEADY, REHEARSAL);
    }

    /**
     * The longest the warm-up mix runs: a server too slow to send the mix's requests in this time is one whose requests
     * are mostly signature work (RS256, ES256), compiled after few of them, and the rounds after the mix still wait
     * for its compiler to go quiet.
     */
    public Duration mixLimit() {
        return limit.dividedBy(4);
    }

    /** Whether a round's numbers end the warm-up (the minimum and {@code atLeast} apart). */
    boolean settled(double rate, double previousRate, long compiledNanos, long roundNanos) {
        boolean steady = previousRate > 0 && Math.abs(rate - previousRate) <= steadyShare * previousRate;
        boolean quiet = compiledNanos < 0 || compiledNanos <= quietShare * roundNanos;
        return steady && quiet;
    }

    /** The rule in words, for the report. */
    String describe() {
        return String.format(Locale.ROOT, "%,d requests with one login in %d (at most %d s), then at least %,d "
                + "requests and %d s in all, %d in flight, in %d s rounds until the server's JIT compiled for at most "
                + "%.0f%% of a round and two rounds ran within %.0f%% of each other (at most %d s in all); before the "
                + "first ladder, %d s of the schedule at half that rate", mixRequests, AuthWorkload.WARMUP_LOGIN_EVERY,
                mixLimit().toSeconds(), minimum, atLeast.toSeconds(), inFlight, round.toSeconds(), quietShare * 100,
                steadyShare * 100, limit.toSeconds(), rehearsal.toSeconds());
    }
}

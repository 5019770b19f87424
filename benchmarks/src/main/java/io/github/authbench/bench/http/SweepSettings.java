package io.github.authbench.bench.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sweep loads each target: the ladder of rates, how long each rate runs (a settling part not recorded, then the
 * measured part), the warm-up before the ladder, the request timeout, the latency objective, and the traffic mix.
 *
 * @param warmupRequests the fewest requests sent as fast as the server answers before each ladder (not measured); the
 *     warm-up goes on, for at least {@link #WARMUP_AT_LEAST} in rounds of {@link #WARMUP_ROUND}, until two rounds in a
 *     row run at the same rate
 * @param sloMicros the p99 a rate must stay within to count as sustained
 * @param population live logins the load authenticates with
 * @param loginEvery one request in this many is a login
 */
public record SweepSettings(RateLadder ladder, long warmupRequests, Duration settle, Duration measure, Duration timeout,
        long sloMicros, int population, int loginEvery) {

    public SweepSettings {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(timeout, "timeout");
        if (measure.isZero() || measure.isNegative() || sloMicros <= 0 || population < 1 || loginEvery < 2) {
            throw new IllegalArgumentException("a sweep needs a measured time, an objective, users and a login mix");
        }
    }

    /** Requests in flight during the warm-up: enough to keep a server's threads busy, few enough not to queue. */
    public static final int WARMUP_IN_FLIGHT = 16;
    /** A warm-up round: long enough that a round's rate is not one compilation's luck. */
    public static final Duration WARMUP_ROUND = Duration.ofSeconds(1);
    /** The shortest warm-up: a server's compiler needs seconds on one CPU, whatever its rate. */
    public static final Duration WARMUP_AT_LEAST = Duration.ofSeconds(5);
    /** The longest a warm-up may take, however slow the server. */
    public static final Duration WARMUP_LIMIT = Duration.ofSeconds(30);
}

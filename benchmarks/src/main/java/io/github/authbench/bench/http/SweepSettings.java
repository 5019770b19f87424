package io.github.authbench.bench.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sweep loads each target: the ladder of rates, how long each rate runs (a settling part not recorded, then the
 * measured part), the warm-up before the ladder, the request timeout, the latency objective, and the traffic mix.
 *
 * @param warmup how each server is warmed up before its ladder (not measured)
 * @param sloMicros the p99 a rate must stay within to count as sustained
 * @param population live logins the load authenticates with
 * @param loginEvery one request in this many is a login
 */
public record SweepSettings(RateLadder ladder, WarmupPlan warmup, Duration settle, Duration measure, Duration timeout,
        long sloMicros, int population, int loginEvery) {

    public SweepSettings {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(timeout, "timeout");
        if (measure.isZero() || measure.isNegative() || sloMicros <= 0 || population < 1 || loginEvery < 2) {
            throw new IllegalArgumentException("a sweep needs a measured time, an objective, users and a login mix");
        }
    }
}

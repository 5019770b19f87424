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
 * @param connections the most keep-alive connections the driver opens to a server, one request at a time on each (as
 *     wrk2's {@code -c}); a request due while all are busy waits in the driver's line, and that wait counts in its
 *     latency. A bound, because a server that opens a connection and a thread for every request that queues spends its
 *     one CPU on them just when it is behind: without one, a rate well below a server's capacity now and then
 *     collapsed into seconds of latency after a hiccup, and where a ladder ended was luck
 * @param servers server JVMs each strategy runs on, one after another, each warmed up and climbed on its own; the row
 *     is the median server. More than one because a server's capacity differs from one start of its JVM to the next on
 *     the same machine (its JIT's decisions depend on timing) by more than one climb's noise
 */
public record SweepSettings(RateLadder ladder, WarmupPlan warmup, Duration settle, Duration measure, Duration timeout,
        long sloMicros, int population, int loginEvery, int connections, int servers) {

    public SweepSettings {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(timeout, "timeout");
        if (measure.isZero() || measure.isNegative() || sloMicros <= 0 || population < 1 || loginEvery < 2
                || connections < 1 || servers < 1) {
            throw new IllegalArgumentException(
                    "a sweep needs a measured time, an objective, users, a login mix, connections and servers");
        }
    }
}

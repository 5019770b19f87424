package io.github.authbench.bench.http;

/**
 * One row of a sweep: {@code ping} or a strategy, the server setup it ran on, and what its climb measured.
 *
 * @param name {@code ping} or the strategy id
 * @param setup the server's setup in words ({@link ServerSetup#describe()})
 * @param warmup how its warm-up went
 */
public record TargetResult(String name, String setup, OpenLoadDriver.Warmup warmup, RateLadder.Climb climb) {

    public static final String PING = "ping";

    public boolean isPing() {
        return PING.equals(name);
    }
}

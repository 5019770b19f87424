package io.github.authbench.bench.http;

import java.util.Comparator;
import java.util.List;

/**
 * One row of a sweep: {@code ping} or a strategy, the server setup it ran on, and what each of its server JVMs
 * measured, in the order they ran. The row reads as its median server: its limit, latencies, warm-up and chart are
 * all that one JVM's, so a row never mixes figures of different servers.
 *
 * @param name {@code ping} or the strategy id
 * @param setup the server's setup in words ({@link ServerSetup#describe()})
 * @param servers one run per server JVM, at least one
 */
public record TargetResult(String name, String setup, List<ServerRun> servers) {

    public static final String PING = "ping";

    /**
     * One server JVM's warm-up and climb.
     *
     * @param warmup how its warm-up went
     * @param climb what its ladder measured
     */
    public record ServerRun(OpenLoadDriver.Warmup warmup, RateLadder.Climb climb) {
    }

    public TargetResult {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one server's run");
        }
    }

    /** A row measured on one server. */
    public static TargetResult of(String name, String setup, OpenLoadDriver.Warmup warmup, RateLadder.Climb climb) {
        return new TargetResult(name, setup, List.of(new ServerRun(warmup, climb)));
    }

    public boolean isPing() {
        return PING.equals(name);
    }

    /** The server whose highest rate is the median (the lower of the middle two when their number is even). */
    public ServerRun median() {
        List<ServerRun> byRate = servers.stream()
                .sorted(Comparator.comparingDouble(run -> run.climb().highestMeeting())).toList();
        return byRate.get((byRate.size() - 1) / 2);
    }

    /** The median server's warm-up. */
    public OpenLoadDriver.Warmup warmup() {
        return median().warmup();
    }

    /** The median server's climb. */
    public RateLadder.Climb climb() {
        return median().climb();
    }
}

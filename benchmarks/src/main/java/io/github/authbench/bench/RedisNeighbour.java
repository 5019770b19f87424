package io.github.authbench.bench;

import io.github.authbench.testkit.LocatedRedis;
import io.github.authbench.testkit.RedisLocator;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Puts a benchmark's measuring thread on the same CPU as the redis-server its fork started. On a virtual machine a
 * wake-up on another CPU is an interrupt the hypervisor delivers, and a Redis round trip is two wake-ups: on the
 * project's 2-core VM a GET across CPUs took several times as long as on one CPU, with a tail ten times longer
 * ({@code docs/measurements.md}). That cost is the machine's, not the strategy's, and across a real network it is the
 * network's, so the suite measures the round trips with the least of it. Only for a benchmark with one measuring
 * thread (two threads cannot both share Redis's CPU without sharing each other's), only with a Redis this fork started
 * (a server named by {@code REDIS_URL} is the user's and is left where it is), and only where {@code taskset} and
 * {@code /proc/thread-self} exist; JMH runs trial setups on the thread that then measures. The CPU is the highest
 * one the thread may use. What happened is printed into the fork's output ({@code jmh.log}), and a placement the
 * machine refuses leaves the benchmark running where it was, saying why.
 */
final class RedisNeighbour {

    private RedisNeighbour() {
    }

    /**
     * Called in a trial setup, on the measuring thread, by a benchmark that talks to this fork's Redis.
     *
     * @return what it did, as printed
     */
    static String join(int measuringThreads) {
        String placement = place(measuringThreads, RedisLocator.forThisJvm());
        System.out.println("authbench: " + placement);
        return placement;
    }

    private static String place(int measuringThreads, LocatedRedis redis) {
        OptionalLong server = redis.serverPid();
        if (measuringThreads != 1 || server.isEmpty() || !ThisThread.placeable()) {
            return "the measuring thread(s) and Redis (" + redis.origin() + ") run on any CPU";
        }
        try {
            String cpu = ThisThread.lastAllowedCpu();
            Taskset.pin(cpu, server.getAsLong(), true);
            Taskset.pin(cpu, ThisThread.id(), false);
            return "the measuring thread and redis-server share CPU " + cpu + " (taskset)";
        } catch (IOException | RuntimeException e) {
            // A placement the machine refuses (a container's CPU set, a kernel without the files) is reported, and
            // the benchmark still runs, as it would without taskset.
            return "the measuring thread and Redis run on any CPU: " + e.getMessage();
        }
    }
}

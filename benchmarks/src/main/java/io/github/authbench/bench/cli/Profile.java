package io.github.authbench.bench.cli;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.Strategies;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The run settings of every profile, in one place. Timed benchmarks (average time, throughput) and single-shot
 * benchmarks (logout and revocation latency, one call per iteration on a fresh login) need different iteration counts,
 * so a run makes two JMH invocations.
 */
public enum Profile {
    /** Every benchmark once, very short: proves the pipeline, not the numbers. */
    SMOKE(1, 1, 100, 1, 100, 2, 3, List.of("HS256"), List.of(Payload.TYPICAL), 1_000, ""),
    /**
     * All strategies, HS256 and ES256, one payload, within 10 minutes on 2 cores: one fork per benchmark, warmed up
     * for 1.5 s, error bars from 20 iterations of 100 ms. Many short iterations, because what spoils an error bar
     * here is a single iteration or a short run of them 1.2x-1.5x off their neighbours: such an outlier adds about
     * t * d / n to the 99.9% error (t the Student quantile, d its excess, n iterations), so 20 iterations instead of 16
     * shrink it by a quarter (on this machine 16 x 100 ms also gave clearly smaller errors than 8 x 200 ms).
     * Fork-to-fork variance and long warmup are the full profile's job.
     */
    QUICK(1, 3, 500, 20, 100, 20, 60, List.of("HS256", "ES256"), List.of(Payload.TYPICAL), 100_000,
            "AuthenticateBenchmark\\.throughput1Thread"),
    /**
     * For a pull-request gate: every strategy, HS256, the embedded store, a smaller population; two forks per
     * benchmark, each 10 x 100 ms after 0.9 s of warmup. Two forks, because a fork is the unit that varies here: each
     * JVM draws its own JIT outcome, and one fork of the same code measured a JWT login or refresh up to 2x slower
     * than another, which failed A/A comparisons of one-fork runs about one time in four; the gate now asks a
     * regression to hold between every pair of forks. Enough samples per benchmark for the U test, not for publishing.
     * It leaves out throughput: at 2 threads on 2 cores the measured threads share the CPUs with the JIT, the
     * collector and JMH's own thread; a regression in the request path shows in authenticate's time.
     */
    CI(2, 3, 300, 10, 100, 10, 30, List.of("HS256"), List.of(Payload.TYPICAL), 10_000,
            "AuthenticateBenchmark\\.throughput"),
    /** The whole matrix: four algorithms, three payloads, both stores. */
    FULL(3, 5, 1000, 16, 250, 50, 200, List.of("HS256", "RS256", "ES256", "EdDSA"), List.of(Payload.values()), 100_000,
            "");

    /** Benchmarks timed over many calls, per class (JMH include patterns). */
    static final String TIMED = "io\\.github\\.authbench\\.bench\\.(Authenticate|Reject|Login|Refresh|Floor)Benchmark";
    /** Benchmarks of one call per iteration. */
    static final String SHOTS = "io\\.github\\.authbench\\.bench\\.(Logout|RevocationLatency)Benchmark";
    static final String REDIS_FLOOR = "io\\.github\\.authbench\\.bench\\.RedisFloorBenchmark";

    /**
     * Every fork gets a fixed heap, so the collector never resizes it mid-measurement (JWT parsing allocates about
     * 10 KB per request), and the parallel collector, which has no concurrent threads: on 2 cores G1's background
     * threads take CPU from the measured ones. Numbers under G1 (the JDK default) differ; JMH's JSON records the flags.
     * The heap is touched at start-up (about 0.7 s per fork here), so no measured iteration pays the kernel's first
     * touch of a heap page: in three alternating pairs of 2-fork runs here, the 99.9% error of login went from 16-17%
     * to 6-10% and that of the bare jjwt parse from 8-11% to 5-7%.
     */
    static final String[] FORK_JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"};

    final int forks;
    final int warmupIterations;
    /** Warmup iterations may be longer than measured ones: warmup buys JIT time, measurement buys samples. */
    final int warmupMillis;
    final int measurementIterations;
    final int iterationMillis;
    final int warmupShots;
    final int measuredShots;
    final List<String> algorithms;
    final List<Payload> payloads;
    final int population;
    /**
     * Benchmarks a short profile leaves out (a JMH exclude pattern, empty for none). Quick leaves out the 1-thread
     * throughput, which is the inverse of authenticate's average time at one thread, to stay within 10 minutes; ci
     * leaves out both throughputs (see {@link #CI}).
     */
    final String excluded;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int iterationMillis,
            int warmupShots,
            int measuredShots, List<String> algorithms, List<Payload> payloads, int population, String excluded) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.iterationMillis = iterationMillis;
        this.warmupShots = warmupShots;
        this.measuredShots = measuredShots;
        this.algorithms = algorithms;
        this.payloads = payloads;
        this.population = population;
        this.excluded = excluded;
    }

    /** The stores a profile runs on: the full profile always both, the others the one asked for. */
    List<StoreKind> stores(StoreKind asked) {
        return this == FULL ? List.of(StoreKind.values()) : List.of(asked);
    }

    List<String> strategies() {
        return Strategies.ids();
    }

    /** Settings of the timed invocation. */
    ChainedOptionsBuilder timed(ChainedOptionsBuilder options) {
        if (!excluded.isEmpty()) {
            options.exclude(excluded);
        }
        return options
                .forks(forks)
                .jvmArgsAppend(FORK_JVM_ARGS)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis));
    }

    /** Settings of the single-shot invocation: many shots, as each is one call. */
    ChainedOptionsBuilder shots(ChainedOptionsBuilder options) {
        return options
                .forks(forks)
                .jvmArgsAppend(FORK_JVM_ARGS)
                .warmupIterations(warmupShots)
                .measurementIterations(measuredShots);
    }
}

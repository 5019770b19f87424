package io.github.authbench.bench.cli;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.Strategies;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The run settings of every profile, in one place. Timed benchmarks (average time, throughput) and shots (logout and
 * revocation latency: each call timed alone on a fresh login, JMH's sample mode) need different iteration lengths, so
 * they run in separate JMH invocations ({@link RunPlan}). A shot invocation gets its own {@link Timing}: its score is
 * a distribution of calls, so its iterations only bound how long it samples.
 */
public enum Profile {
    /** Every benchmark once, very short: proves the pipeline, not the numbers. */
    SMOKE(new Timing(1, 1, 100, 1, 100), new Timing(1, 1, 100, 2, 100),
            new Matrix(List.of("HS256"), List.of(Payload.TYPICAL), 1_000,
                    List.of("throughput1Thread", "throughput2Threads"), List.of(), true),
            Libraries.STATELESS, Precision.NONE),
    /**
     * All strategies, HS256 and ES256, one payload, within 10 minutes on 2 cores: one fork per benchmark, 0.5 s of
     * warmup, then 30 iterations of 100 ms, each fork cut where its score became steady ({@link SteadyState}); then
     * the scores whose 99.9% error is over 10% get more forks while the budget lasts: 9.5 minutes from the start of the
     * run, so that a fresh clone's first {@code ./authbench run}, build included, takes 10. Many short iterations, because
     * what spoils an error bar is a single iteration or a short run of them off their neighbours: such an outlier adds
     * about t * d / n to the 99.9% error (t the Student quantile, d its excess, n iterations). Shots:
     * a rehearsal of whole shots (Settle), 0.3 s of warmup, then 1 s of calls sampled one by one
     * (thousands of calls, so the p99 is not the maximum), at HS256 only: a shot at ES256 costs its signature more,
     * which authenticate and login at ES256 measure, and its rehearsal would take 8 s a fork of the refinement budget.
     * Measured trade-offs: {@code docs/measurements.md}.
     */
    QUICK(new Timing(1, 1, 500, 30, 100), new Timing(1, 1, 300, 2, 500),
            new Matrix(List.of("HS256", "ES256"), List.of(Payload.TYPICAL), 100_000, List.of("throughput2Threads"),
                    List.of("session", "stateless-jwt"), false), Libraries.STATELESS,
            new Precision(0.10, Duration.ofSeconds(570), 1, 3)),
    /**
     * For a pull-request gate: every strategy, HS256, the embedded store, a smaller population; two forks per
     * benchmark, each 10 x 100 ms after 0.9 s of warmup. Two forks, because a fork is the unit that varies: each JVM
     * draws its own JIT outcome, and the gate decides from how the forks scatter ({@code Comparison}). {@code ab} runs
     * the same benchmarks and settings one fork per side per pair. Enough samples per fork for a steady median, not
     * for publishing; shots sample 0.5 s of calls per fork after their rehearsal, thousands of calls for a fork's
     * median. It leaves out throughput: at 2 threads on 2 cores the measured threads share the CPUs with the JIT, the
     * collector and JMH's own thread; a regression in the request path shows in authenticate's time.
     */
    CI(new Timing(2, 3, 300, 10, 100), new Timing(2, 1, 300, 2, 250),
            new Matrix(List.of("HS256"), List.of(Payload.TYPICAL), 10_000, List.of(), List.of(), true),
            Libraries.NONE, Precision.NONE),
    /**
     * The whole matrix, within an hour on 2 cores: four algorithms, three payloads, both stores, and every JWT library
     * on every JWT strategy's timed benchmarks (logout and revocation, whose cost is the store's, on the default
     * library), each combination measured once ({@link RunPlan}): like quick, it leaves out the 1-thread throughput,
     * which is authenticate's average time inverted. The quick profile's recipe, then the scores over a 5% error get
     * more forks while the budget lasts: 59.5 minutes from the start of the run, so that a fresh clone's run, build
     * included, ends within the hour.
     */
    FULL(new Timing(1, 1, 500, 30, 100), new Timing(1, 1, 500, 3, 500),
            new Matrix(List.of("HS256", "RS256", "ES256", "EdDSA"), List.of(Payload.values()), 100_000,
                    List.of("throughput2Threads"), List.of(), true),
            new Libraries(List.of("AuthenticateBenchmark.authenticate", "RejectBenchmark.reject", "LoginBenchmark.login",
                    "RefreshBenchmark.refresh"), List.of()),
            new Precision(0.05, Duration.ofSeconds(3570), 1, 3));

    /** Benchmarks whose score is the distribution of single calls (shots). */
    static final String SHOTS = "io\\.github\\.authbench\\.bench\\.(Logout|RevocationLatency)Benchmark";


    /**
     * The timed invocation's counts.
     *
     * @param warmupMillis warmup iterations may be longer than measured ones: warmup buys JIT time, measurement buys
     *     samples
     */
    record Timing(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int iterationMillis) {
    }

    /**
     * What a profile measures.
     *
     * @param throughputs the throughput methods of {@code AuthenticateBenchmark} it runs. Quick and full leave out the
     *     1-thread throughput, which is the inverse of authenticate's average time at one thread (the report takes the
     *     one-thread rate from authenticate); ci leaves out both (see {@link #CI})
     * @param throughputStrategies the strategies measured for throughput; empty for every strategy. Quick measures the
     *     two the report's "JWTs scale, sessions don't" compares: at 2 threads on 2 cores a score shares the CPUs with
     *     the JIT and the collector, so each is noisy and costs a fork
     * @param shotsAtEveryAlgorithm whether logout and revocation are measured at every algorithm, or at the first only
     */
    record Matrix(List<String> algorithms, List<Payload> payloads, int population, List<String> throughputs,
            List<String> throughputStrategies, boolean shotsAtEveryAlgorithm) {
    }

    /**
     * What a profile measures on the library axis, on every JWT library but the default (the rest of the run measures
     * the default, {@link JwtLibrary#JJWT}), beside each library's verify floor.
     *
     * @param benchmarks the benchmark methods ({@code Class.method}); none for a profile without the axis
     * @param strategies the JWT strategies crossed with the libraries; empty for every JWT strategy of each benchmark
     */
    record Libraries(List<String> benchmarks, List<String> strategies) {
        static final Libraries NONE = new Libraries(List.of(), List.of());
        /** Where the library matters most: a stateless JWT's check and issue. */
        static final Libraries STATELESS = new Libraries(
                List.of("AuthenticateBenchmark.authenticate", "LoginBenchmark.login"), List.of("stateless-jwt"));
    }

    /**
     * What a profile asks of its timed scores, and the time it may take for them.
     *
     * @param target the largest 99.9% error, as a share of the score, a timed score may have
     * @param budget the whole run's time; refinement spends what the first pass leaves of it
     * @param forksPerRound forks added to each imprecise score per round
     * @param maxRounds rounds of refinement at most; 0 for none
     */
    record Precision(double target, Duration budget, int forksPerRound, int maxRounds) {
        static final Precision NONE = new Precision(1, Duration.ZERO, 0, 0);

        /** Whether the profile refines at all (smoke and ci keep their fixed recipe). */
        boolean refines() {
            return maxRounds > 0;
        }
    }

    final Timing timing;
    final Timing shots;
    final Matrix matrix;
    final Libraries libraries;
    final Precision precision;

    Profile(Timing timing, Timing shots, Matrix matrix, Libraries libraries, Precision precision) {
        this.timing = timing;
        this.shots = shots;
        this.matrix = matrix;
        this.libraries = libraries;
        this.precision = precision;
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
        return apply(timing, options);
    }

    /** Settings of the shot invocation. */
    ChainedOptionsBuilder shots(ChainedOptionsBuilder options) {
        return apply(shots, options);
    }

    /**
     * The same settings as {@link #timed} or {@link #shots}, as arguments of JMH's command line, for one fork:
     * {@code ./authbench ab} runs each fork in a JMH of the side's own jar.
     */
    List<String> oneForkArguments(boolean shotInvocation) {
        Timing chosen = shotInvocation ? shots : timing;
        return List.of("-f", "1", "-wi", Integer.toString(chosen.warmupIterations()), "-w", chosen.warmupMillis() + "ms",
                "-i", Integer.toString(chosen.measurementIterations()), "-r", chosen.iterationMillis() + "ms");
    }

    private static ChainedOptionsBuilder apply(Timing chosen, ChainedOptionsBuilder options) {
        return options
                .forks(chosen.forks())
                .warmupIterations(chosen.warmupIterations())
                .warmupTime(TimeValue.milliseconds(chosen.warmupMillis()))
                .measurementIterations(chosen.measurementIterations())
                .measurementTime(TimeValue.milliseconds(chosen.iterationMillis()));
    }
}

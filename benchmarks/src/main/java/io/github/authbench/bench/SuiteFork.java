package io.github.authbench.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JVM every benchmark fork of the suite runs in, whichever way it is started: {@code ./authbench run} and the plain
 * {@code java -jar benchmarks/target/benchmarks.jar} both read it from here (JMH's {@code @Fork} is inherited), so
 * both measure the same thing. A fixed heap, so the collector never resizes it mid-measurement (JWT parsing allocates
 * about 10 KB per request); the parallel collector, which has no concurrent threads: on 2 cores G1's background threads
 * take CPU from the measured ones; and the heap touched at start-up, so no measured iteration pays the kernel's first
 * touch of a page. The evidence for each choice is in {@code docs/measurements.md}. These are the fork's whole option
 * list ({@code jvmArgs}): a fork does not inherit the options of the JVM that started it, so the two ways print the
 * same {@code # VM options} line. {@code -jvmArgsAppend} adds to them; {@code -jvmArgs} replaces them.
 *
 * <p>Every iteration of every benchmark, warm-up included, is also where a fork of {@code ./authbench ab} takes its
 * turn with the other side's ({@link Turns}; nothing happens in any other run). JMH runs a subclass's iteration setup
 * before this one and its iteration teardown before this one too: a benchmark with an iteration setup of its own calls
 * {@link #awaitTurn} first, so that its setup is inside its turn (taking a turn held already does nothing).
 */
@State(Scope.Benchmark)
@Fork(jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public abstract class SuiteFork {

    @Setup(Level.Iteration)
    public void awaitTurn() {
        Turns.take();
    }

    @TearDown(Level.Iteration)
    public void yieldTurn() {
        Turns.give();
    }
}

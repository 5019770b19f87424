package io.github.authbench.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The JVM every benchmark fork of the suite runs in, whichever way it is started: {@code ./authbench run} and the plain
 * {@code java -jar benchmarks/target/benchmarks.jar} both read it from here (JMH's {@code @Fork} is inherited), so
 * both measure the same thing. A fixed heap, so the collector never resizes it mid-measurement (JWT parsing allocates
 * about 10 KB per request); the parallel collector, which has no concurrent threads: on 2 cores G1's background threads
 * take CPU from the measured ones; and the heap touched at start-up, so no measured iteration pays the kernel's first
 * touch of a page. The evidence for each choice is in {@code docs/measurements.md}. These are the fork's whole option
 * list ({@code jvmArgs}): a fork does not inherit the options of the JVM that started it, so the two ways print the
 * same {@code # VM options} line. {@code -jvmArgsAppend} adds to them; {@code -jvmArgs} replaces them.
 */
@Fork(jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public abstract class SuiteFork {
}

package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The server's measure of its JIT's work, on this JVM: on Linux it reads its compiler threads' CPU time from
 * {@code /proc}, which grows while a compilation runs (the JVM's total compilation time grows only when one ends).
 */
class CompilerWorkTest {

    @Test
    void onLinuxItIsTheCompilerThreadsCpuTimeAndThisJvmHasCompiledAlready() {
        assertThat(System.getProperty("os.name")).as("the suite runs on Linux").isEqualTo("Linux");

        CompilerWork.Reading first = CompilerWork.read();

        assertThat(first.source()).isEqualTo(CompilerWork.Source.COMPILER_THREADS_CPU);
        assertThat(first.millis()).as("a test JVM has compiled for more than one clock tick by now").isPositive();
        assertThat(CompilerWork.read().millis()).as("CPU time never goes back").isGreaterThanOrEqualTo(first.millis());
    }
}

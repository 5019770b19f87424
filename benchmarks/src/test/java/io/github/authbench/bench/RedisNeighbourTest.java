package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.authbench.testkit.RedisLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A single measuring thread ends up on the CPU of the redis-server its JVM started, and a benchmark with two measuring
 * threads leaves both where they were: checked in the kernel's own account of each one's allowed CPUs.
 */
class RedisNeighbourTest {

    private static final String EVERY_CPU = "0-" + (Runtime.getRuntime().availableProcessors() - 1);

    private static long redisPid() {
        return RedisLocator.forThisJvm().serverPid().orElseThrow();
    }

    private static String allowedCpus(Path task) throws IOException {
        return Files.readAllLines(task.resolve("status")).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow();
    }

    private static long thisThread() throws IOException {
        return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    /**
     * Runs {@code join} on a thread of its own, so the test's threads are never pinned, first confined to
     * {@code confinedTo} CPUs if given (as a container's CPU set confines a JVM); returns what it said and its allowed
     * CPUs after.
     */
    private static String[] joinOnAThreadOfItsOwn(int measuringThreads, String confinedTo) throws Exception {
        AtomicReference<String[]> seen = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread measuring = new Thread(() -> {
            try {
                if (confinedTo != null) {
                    Taskset.pin(confinedTo, thisThread(), false);
                }
                String placement = RedisNeighbour.join(measuringThreads);
                seen.set(new String[] {placement, allowedCpus(Path.of("/proc/thread-self"))});
            } catch (Exception e) {
                failed.set(e);
            }
        });
        measuring.start();
        measuring.join(30_000);
        if (failed.get() != null) {
            throw failed.get();
        }
        return seen.get();
    }

    @AfterEach
    void redisBackOnEveryCpu() throws IOException {
        if (Taskset.available()) {
            Taskset.pin(EVERY_CPU, redisPid(), true);
        }
    }

    @Test
    void aSingleMeasuringThreadSharesRedissCpu() throws Exception {
        assumeTrue(Taskset.available() && Runtime.getRuntime().availableProcessors() > 1,
                "needs taskset and two CPUs");
        String last = Integer.toString(Runtime.getRuntime().availableProcessors() - 1);

        String[] placement = joinOnAThreadOfItsOwn(1, null);

        assertThat(placement[0]).isEqualTo("the measuring thread and redis-server share CPU " + last + " (taskset)");
        assertThat(placement[1]).isEqualTo(last);
        assertThat(allowedCpus(Path.of("/proc", Long.toString(redisPid())))).isEqualTo(last);
        assertThat(allowedCpus(Path.of("/proc/thread-self"))).as("only the measuring thread moved")
                .isEqualTo(EVERY_CPU);
    }

    @Test
    void aThreadConfinedToSomeCpusSharesTheHighestOfThose() throws Exception {
        assumeTrue(Taskset.available() && Runtime.getRuntime().availableProcessors() > 1,
                "needs taskset and two CPUs");

        String[] placement = joinOnAThreadOfItsOwn(1, "0");

        assertThat(placement[0]).isEqualTo("the measuring thread and redis-server share CPU 0 (taskset)");
        assertThat(placement[1]).isEqualTo("0");
        assertThat(allowedCpus(Path.of("/proc", Long.toString(redisPid())))).isEqualTo("0");
    }

    @Test
    void twoMeasuringThreadsAndRedisStayWhereTheyWere() throws Exception {
        String[] placement = joinOnAThreadOfItsOwn(2, null);

        assertThat(placement[0]).startsWith("the measuring thread(s) and Redis (").endsWith(") run on any CPU");
        assertThat(placement[1]).isEqualTo(EVERY_CPU);
        assertThat(allowedCpus(Path.of("/proc", Long.toString(redisPid())))).isEqualTo(EVERY_CPU);
    }
}

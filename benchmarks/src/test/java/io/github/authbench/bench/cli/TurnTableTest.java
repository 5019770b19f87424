package io.github.authbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.bench.Turns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The turn table against forks that speak {@link Turns}' protocol over real loopback sockets: who measures when, and
 * that a fork that never comes, or goes silent, leaves the other measuring alone within a bounded wait.
 */
@Timeout(60)
class TurnTableTest {

    /** What the forks did, in the order they did it: "side/fork" for an iteration measured by that fork. */
    private final List<String> measured = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void endProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A process standing for a fork's JMH: alive until the test ends it. */
    private Process alive() throws IOException {
        Process process = new ProcessBuilder("sleep", "60").start();
        processes.add(process);
        return process;
    }

    private Fork fork(TurnTable table, int side, int iterations) throws IOException {
        return forks(table, side, iterations, 1);
    }

    /**
     * A JMH of {@code side} (a process standing for it) that starts {@code count} forks one after the other, each
     * measuring {@code iterations} iterations in turns and then ending its connection; the JMH ends after the last.
     */
    private Fork forks(TurnTable table, int side, int iterations, int count) throws IOException {
        Process jmh = alive();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            for (int fork = 0; fork < count; fork++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(table))) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    out.write('0' + side);
                    for (int i = 0; i < iterations; i++) {
                        out.write(Turns.READY);
                        assertThat(in.read()).isEqualTo(Turns.GO);
                        measured.add(side + "/" + fork);
                        Thread.sleep(2);
                        out.write(Turns.DONE);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }).whenComplete((result, failure) -> jmh.destroy());
        return new Fork(jmh, done);
    }

    private record Fork(Process jmh, CompletableFuture<Void> done) {
        void end() throws Exception {
            done.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void bothForksMeasureInTurnsBaseFirstThenCandidateFirst() throws Exception {
        try (TurnTable table = new TurnTable()) {
            Fork base = fork(table, 0, 4);
            Fork candidate = fork(table, 1, 4);
            TurnTable.Served served = table.serve(List.of(base.jmh(), candidate.jmh()), 0);
            base.end();
            candidate.end();

            assertThat(served).isEqualTo(new TurnTable.Served(4, 0));
            assertThat(measured).containsExactly("0/0", "1/0", "1/0", "0/0", "0/0", "1/0", "1/0", "0/0");
        }
    }

    @Test
    void theCandidateGoesFirstWhenToldTo() throws Exception {
        try (TurnTable table = new TurnTable()) {
            Fork base = fork(table, 0, 2);
            Fork candidate = fork(table, 1, 2);
            table.serve(List.of(base.jmh(), candidate.jmh()), 1);
            base.end();
            candidate.end();

            assertThat(measured).containsExactly("1/0", "0/0", "0/0", "1/0");
        }
    }

    /** A JMH of two benchmarks forks twice: the first forks of the sides take turns, then the second ones. */
    @Test
    void successiveForksPairUpInOrder() throws Exception {
        try (TurnTable table = new TurnTable()) {
            Fork base = forks(table, 0, 2, 2);
            Fork candidate = forks(table, 1, 2, 2);
            TurnTable.Served served = table.serve(List.of(base.jmh(), candidate.jmh()), 0);
            base.end();
            candidate.end();

            assertThat(served).isEqualTo(new TurnTable.Served(4, 0));
            assertThat(measured).containsExactly("0/0", "1/0", "1/0", "0/0", "0/1", "1/1", "1/1", "0/1");
        }
    }

    /** The base's JMH ended without a fork (its suite lacks the benchmark): the candidate measures alone at once. */
    @Test
    void aForkThatNeverComesLeavesTheOtherAlone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        try (TurnTable table = new TurnTable()) {
            Fork candidate = fork(table, 1, 3);
            TurnTable.Served served = table.serve(List.of(ended, candidate.jmh()), 0);
            candidate.end();

            assertThat(served).isEqualTo(new TurnTable.Served(0, 3));
            assertThat(measured).containsExactly("1/0", "1/0", "1/0");
        }
    }

    /** A fork that connects and then says nothing holds the other up for the longest wait, not for ever. */
    @Test
    void aSilentForkIsLeftAfterTheLongestWait() throws Exception {
        try (TurnTable table = new TurnTable(Duration.ofSeconds(1));
                Socket silent = new Socket(InetAddress.getLoopbackAddress(), port(table))) {
            silent.getOutputStream().write('0');
            Fork candidate = fork(table, 1, 2);
            long start = System.nanoTime();
            TurnTable.Served served = table.serve(List.of(alive(), candidate.jmh()), 0);
            candidate.end();

            assertThat(served).isEqualTo(new TurnTable.Served(0, 2));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
    }

    /** A connection that is not a fork of either side is closed and does not take a seat. */
    @Test
    void aStrangerIsTurnedAway() throws Exception {
        try (TurnTable table = new TurnTable();
                Socket stranger = new Socket(InetAddress.getLoopbackAddress(), port(table))) {
            stranger.getOutputStream().write('7');
            Fork base = fork(table, 0, 1);
            Fork candidate = fork(table, 1, 1);
            TurnTable.Served served = table.serve(List.of(base.jmh(), candidate.jmh()), 0);
            base.end();
            candidate.end();

            assertThat(served).isEqualTo(new TurnTable.Served(1, 0));
            assertThat(stranger.getInputStream().read()).isEqualTo(-1);
        }
    }

    /** The table's port, as a fork reads it from its option. */
    private static int port(TurnTable table) {
        String option = table.forkOption(0);
        return Integer.parseInt(option.substring(option.indexOf('=') + 1, option.indexOf(':')));
    }
}

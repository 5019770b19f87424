package io.github.authbench.bench.cli;

import io.github.authbench.bench.Turns;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * {@code ab}'s side of {@link Turns}: the two forks of one benchmark, base's and candidate's, started together, measure
 * their iterations in turns on one CPU. A round starts when both are ready; then one measures an iteration while the
 * other waits, then the other: base first in even rounds and candidate first in odd ones (A B B A ...), so a drift of
 * the machine within a round falls on both sides alike over two rounds. A fork whose process has ended, or that stays
 * silent for {@link #LONGEST_WAIT}, is left out and the other goes on alone: nothing waits without a bound. One table
 * serves one pair of JMH runs, on the loopback interface only; a fork that comes after it has closed measures alone.
 */
final class TurnTable implements AutoCloseable {

    /** How long a fork may keep the other waiting: its trial setup, or an iteration. */
    static final Duration LONGEST_WAIT = Duration.ofMillis(Turns.LONGEST_WAIT_MILLIS);
    /** How often a wait looks whether the fork it waits for is still running. */
    private static final int POLL_MILLIS = 200;

    /** What the forks did: the rounds in which both measured, and the iterations one measured alone. */
    record Served(int rounds, int alone) {
    }

    private final ServerSocket server;
    private final Duration longestWait;

    TurnTable() throws IOException {
        this(LONGEST_WAIT);
    }

    TurnTable(Duration longestWait) throws IOException {
        this.server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
        this.longestWait = longestWait;
    }

    /** The JVM option that sends a fork of {@code side} (0 base, 1 candidate) to this table. */
    String forkOption(int side) {
        return "-D" + Turns.PROPERTY + "=" + server.getLocalPort() + ":" + side;
    }

    /**
     * Serves the turns of two JMHs' forks until both JMHs have ended: fork after fork, the i-th of one side with the
     * i-th of the other (an invocation of several benchmarks forks once for each).
     *
     * @param jmhs      the processes whose forks take turns, base's then candidate's
     * @param firstSide the side that goes first in even rounds
     */
    Served serve(List<Process> jmhs, int firstSide) throws IOException {
        int rounds = 0;
        int alone = 0;
        while (jmhs.get(0).isAlive() || jmhs.get(1).isAlive()) {
            Seat[] seats = {new Seat(jmhs.get(0)), new Seat(jmhs.get(1))};
            seatBoth(seats);
            if (!seats[0].open() && !seats[1].open()) {
                break; // both JMHs are ending, or one is stuck past the longest wait: finishing them tells which
            }
            for (int round = 0; seats[0].open() || seats[1].open(); round++) {
                int first = round % 2 == 0 ? firstSide : 1 - firstSide;
                List<Seat> order = List.of(seats[first], seats[1 - first]);
                for (Seat seat : order) {
                    seat.awaitReady();
                }
                int measured = 0;
                for (Seat seat : order) {
                    if (seat.open()) {
                        seat.go();
                        measured++;
                    }
                }
                if (measured == 2) {
                    rounds++;
                } else {
                    alone += measured;
                }
            }
        }
        return new Served(rounds, alone);
    }

    /**
     * Accepts each side's next fork, until both are in or the JMH of the one missing has ended (or the longest wait
     * has passed).
     */
    private void seatBoth(Seat[] seats) throws IOException {
        server.setSoTimeout(POLL_MILLIS);
        long deadline = System.nanoTime() + longestWait.toNanos();
        while ((seats[0].waiting() || seats[1].waiting()) && System.nanoTime() < deadline) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(POLL_MILLIS);
                int side = socket.getInputStream().read() - '0';
                if (side == 0 || side == 1) {
                    seats[side].take(socket);
                } else {
                    socket.close();
                }
            } catch (SocketTimeoutException e) {
                // look at the processes again
            }
            for (Seat seat : seats) {
                seat.giveUpIfEnded();
            }
        }
        for (Seat seat : seats) {
            seat.giveUpIfEnded();
            if (seat.waiting()) {
                seat.leave();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One fork's place at the table: its process, and its connection once it has one. */
    private final class Seat {
        private final Process process;
        private Socket socket;
        private boolean left;
        private boolean ready;

        Seat(Process process) {
            this.process = process;
        }

        boolean waiting() {
            return socket == null && !left;
        }

        boolean open() {
            return socket != null && !left;
        }

        void take(Socket accepted) throws IOException {
            if (socket != null || left) {
                accepted.close();
                return;
            }
            socket = accepted;
        }

        void giveUpIfEnded() {
            if (waiting() && !process.isAlive()) {
                left = true;
            }
        }

        void awaitReady() throws IOException {
            if (open() && !ready) {
                ready = read() == Turns.READY;
                if (!ready) {
                    leave();
                }
            }
        }

        /** Lets the fork measure one iteration and waits until it says it is done. */
        void go() throws IOException {
            ready = false;
            try {
                socket.getOutputStream().write(Turns.GO);
            } catch (IOException e) {
                leave();
                return;
            }
            if (read() != Turns.DONE) {
                leave();
            }
        }

        /** The fork's next byte; -1 when it has closed, its process has ended, or it has been silent too long. */
        private int read() throws IOException {
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + longestWait.toNanos();
            while (true) {
                try {
                    return in.read();
                } catch (SocketTimeoutException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        return -1;
                    }
                } catch (IOException e) {
                    return -1;
                }
            }
        }

        void leave() throws IOException {
            left = true;
            if (socket != null) {
                socket.close();
            }
        }
    }
}

package io.github.authbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A fork measuring in turns with the other side's fork of {@code ./authbench ab}, iteration by iteration, so that base
 * and candidate iterations alternate a few hundred milliseconds apart on one CPU. On the project's VM a CPU's speed
 * comes and goes over seconds (one fork's iterations, in blocks of a second, were up to 1.6x apart), which made whole
 * forks scatter by 10-30% while a fork's fastest iterations agreed within 1-2% across forks
 * ({@code docs/measurements.md}); iterations taken in turns see the same state of the machine.
 *
 * <p>Only a fork started with the system property {@value #PROPERTY} ({@code PORT:SIDE}, set by {@code ab}) does
 * anything: at its first iteration it connects to {@code ab}'s turn table on the loopback interface and puts the
 * measuring thread on the highest CPU it may use (as {@link RedisNeighbour} does); then before each iteration, warm-up
 * included, it waits for its turn, and after it, says it is done. A turn table that goes away or stays silent past
 * {@link #LONGEST_WAIT_MILLIS} ends the turns: the fork measures on alone and says so in its output, never hangs.
 */
public final class Turns {

    /** The system property naming the turn table and the side: {@code PORT:SIDE}, SIDE 0 (base) or 1 (candidate). */
    public static final String PROPERTY = "authbench.turns";
    public static final byte READY = 'R';
    public static final byte GO = 'G';
    public static final byte DONE = 'D';
    /** The longest a fork waits for its turn: the other fork's trial setup (a Redis population) comes first. */
    public static final int LONGEST_WAIT_MILLIS = 300_000;

    private static Socket table;
    private static boolean held;
    private static boolean ended = System.getProperty(PROPERTY) == null;

    private Turns() {
    }

    /** Waits for this fork's turn, unless it holds it already (a benchmark's states may each ask) or turns ended. */
    static synchronized void take() {
        if (ended || held) {
            return;
        }
        try {
            if (table == null) {
                join(System.getProperty(PROPERTY));
            }
            table.getOutputStream().write(READY);
            if (table.getInputStream().read() != GO) {
                end("the turn table closed");
                return;
            }
            held = true;
        } catch (IOException | RuntimeException e) {
            end(e.toString());
        }
    }

    /** Ends this fork's turn, if it holds one. */
    static synchronized void give() {
        if (!held) {
            return;
        }
        held = false;
        try {
            table.getOutputStream().write(DONE);
        } catch (IOException e) {
            end(e.toString());
        }
    }

    private static void join(String property) throws IOException {
        String[] parts = property.split(":");
        if (parts.length != 2 || !parts[1].matches("[01]")) {
            throw new IllegalArgumentException(PROPERTY + " must be PORT:SIDE, not " + property);
        }
        table = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]));
        table.setSoTimeout(LONGEST_WAIT_MILLIS);
        table.setTcpNoDelay(true);
        OutputStream out = table.getOutputStream();
        out.write(parts[1].charAt(0));
        String placement = "on any CPU";
        if (ThisThread.placeable()) {
            String cpu = ThisThread.lastAllowedCpu();
            Taskset.pin(cpu, ThisThread.id(), false);
            placement = "on CPU " + cpu;
        }
        System.out.println("authbench: measuring in turns with the other side, " + placement);
    }

    private static void end(String why) {
        ended = true;
        held = false;
        System.out.println("authbench: turns ended (" + why + "); measuring alone from here");
        if (table != null) {
            try {
                table.close();
            } catch (IOException ignored) {
                // the table is gone either way
            }
        }
    }
}

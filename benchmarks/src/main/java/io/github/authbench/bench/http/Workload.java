package io.github.authbench.bench.http;

/** What the driver sends: request number {@code index} of a schedule, whatever happened to the earlier ones. */
public interface Workload {

    /**
     * Sends request {@code index} and returns at once; calls {@code done} exactly once, on the driver's event loop, with
     * how the request ended.
     */
    void send(long index, Done done);

    /** The name of the workload in tables, e.g. {@code ping} or a strategy id. */
    String name();

    /**
     * The same kinds of request with the rare ones sent often, for the first part of a warm-up: the server's JIT
     * compiles a path once it has run some thousands of times, and a path taken by one request in a hundred gets there
     * a hundred times later than the hot one, in the middle of the measured rates. This one when every kind is common.
     */
    default Workload warmupMix() {
        return this;
    }

    /** Completion of one request. */
    @FunctionalInterface
    interface Done {
        void completed(Outcome outcome);
    }
}

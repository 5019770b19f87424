package io.github.authbench.bench.http;

/** What the driver sends: request number {@code index} of a schedule, whatever happened to the earlier ones. */
public interface Workload {

    /**
     * Sends request {@code index} and returns at once; calls {@code done} exactly once, on the driver's event loop, with
     * true when the answer is the one this request expects.
     */
    void send(long index, Done done);

    /** The name of the workload in tables, e.g. {@code ping} or a strategy id. */
    String name();

    /** Completion of one request. */
    @FunctionalInterface
    interface Done {
        void completed(boolean asExpected);
    }
}

package io.github.authbench.bench.http;

import org.eclipse.jetty.client.HttpClient;

/** What the driver sends: request number {@code index} of a schedule, whatever happened to the earlier ones. */
public interface Workload {

    /**
     * Sends request {@code index} asynchronously and returns at once; calls {@code done} exactly once, on the client's
     * thread, with true when the answer is the one this request expects.
     */
    void send(HttpClient client, long index, long timeoutMillis, Done done);

    /** The name of the workload in tables, e.g. {@code ping} or a strategy id. */
    String name();

    /** Completion of one request. */
    @FunctionalInterface
    interface Done {
        void completed(boolean asExpected);
    }
}

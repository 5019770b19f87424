package io.github.authbench.bench.http;

import io.netty.handler.codec.http.HttpMethod;

/** {@code GET /ping}: the same server and connection handling with no authentication, the baseline of every row. */
final class PingWorkload implements Workload {

    private final HttpConnections server;

    PingWorkload(HttpConnections server) {
        this.server = server;
    }

    @Override
    public void send(long index, Done done) {
        server.send(server.request(HttpMethod.GET, "/ping"), answer -> done.completed(Outcome.of(answer)));
    }

    @Override
    public String name() {
        return "ping";
    }
}

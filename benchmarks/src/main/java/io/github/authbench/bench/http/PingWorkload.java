package io.github.authbench.bench.http;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;

/** {@code GET /ping}: the same server and connection handling with no authentication, the baseline of every row. */
final class PingWorkload implements Workload {

    private final URI ping;

    PingWorkload(URI server) {
        this.ping = server.resolve("/ping");
    }

    @Override
    public void send(HttpClient client, long index, long timeoutMillis, Done done) {
        client.newRequest(ping).timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .send(result -> done.completed(result.isSucceeded() && result.getResponse().getStatus() == 200));
    }

    @Override
    public String name() {
        return "ping";
    }
}

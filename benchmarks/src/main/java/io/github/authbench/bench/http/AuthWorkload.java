package io.github.authbench.bench.http;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;

/**
 * An application's traffic: authenticated {@code GET /api/me} from the population's users, and one {@code POST /login}
 * in every {@code loginEvery} requests. Users are visited in a fixed stride order, so consecutive requests come from
 * different users and every credential is used equally.
 */
final class AuthWorkload implements Workload {

    /** A prime: unless the population is a multiple of it, the stride order visits every user before repeating one. */
    private static final long STRIDE = 7_919;

    private final URI me;
    private final Population population;
    private final CredentialTransport transport;
    private final int loginEvery;
    private final String name;

    AuthWorkload(URI server, Population population, CredentialTransport transport, int loginEvery, String name) {
        if (loginEvery < 2) {
            throw new IllegalArgumentException("loginEvery must be at least 2: " + loginEvery);
        }
        this.me = server.resolve("/api/me");
        this.population = population;
        this.transport = transport;
        this.loginEvery = loginEvery;
        this.name = name;
    }

    @Override
    public void send(HttpClient client, long index, long timeoutMillis, Done done) {
        int user = (int) Math.floorMod(index * STRIDE, (long) population.size());
        if (index % loginEvery == loginEvery - 1) {
            population.login(client, user, timeoutMillis, done);
            return;
        }
        client.newRequest(me).headers(h -> h.add(transport.accessField(population.access(user))))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .send(result -> done.completed(result.isSucceeded() && result.getResponse().getStatus() == 200));
    }

    @Override
    public String name() {
        return name;
    }
}

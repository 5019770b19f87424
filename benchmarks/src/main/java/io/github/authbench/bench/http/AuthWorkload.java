package io.github.authbench.bench.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import org.eclipse.jetty.http.HttpField;

/**
 * An application's traffic: authenticated {@code GET /api/me} from the population's users, and one {@code POST /login}
 * in every {@code loginEvery} requests. Users are visited in a fixed stride order, so consecutive requests come from
 * different users and every credential is used equally.
 */
final class AuthWorkload implements Workload {

    /** A prime: unless the population is a multiple of it, the stride order visits every user before repeating one. */
    private static final long STRIDE = 7_919;
    /** In the warm-up's first part, one request in this many is a login. */
    static final int WARMUP_LOGIN_EVERY = 4;

    private final HttpConnections server;
    private final Population population;
    private final CredentialTransport transport;
    private final int loginEvery;
    private final String name;

    AuthWorkload(HttpConnections server, Population population, CredentialTransport transport, int loginEvery,
            String name) {
        if (loginEvery < 2) {
            throw new IllegalArgumentException("loginEvery must be at least 2: " + loginEvery);
        }
        this.server = server;
        this.population = population;
        this.transport = transport;
        this.loginEvery = loginEvery;
        this.name = name;
    }

    @Override
    public void send(long index, Done done) {
        int user = (int) Math.floorMod(index * STRIDE, (long) population.size());
        if (index % loginEvery == loginEvery - 1) {
            population.login(user, done);
            return;
        }
        FullHttpRequest me = server.request(HttpMethod.GET, "/api/me");
        HttpField credential = transport.accessField(population.access(user));
        me.headers().set(credential.getName(), credential.getValue());
        server.send(me, answer -> done.completed(Outcome.of(answer)));
    }

    @Override
    public Workload warmupMix() {
        return loginEvery <= WARMUP_LOGIN_EVERY ? this
                : new AuthWorkload(server, population, transport, WARMUP_LOGIN_EVERY, name);
    }

    @Override
    public String name() {
        return name;
    }
}

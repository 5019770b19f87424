package io.github.authbench.bench.http;

import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.StrategyConfig;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running Jetty server around one strategy instance (one application node) on a store of its own kind. Jetty 12's
 * core API, without servlets: the request path is the server's and the strategy's, nothing else.
 */
public final class AuthServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final StoreKind.Shared store;
    private final AuthStrategy strategy;

    private AuthServer(ServerSetup setup, String host, int port) throws Exception {
        Clock clock = Clock.systemUTC();
        this.store = setup.store().open(clock);
        this.strategy = setup.strategy().create(StrategyConfig.builder()
                .clock(clock)
                .algorithm(setup.algorithm())
                .library(JwtLibrary.of(setup.library()))
                .store(store.forNode())
                .build());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("auth-server");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new AuthHandler(strategy, setup, clock));
        // No graceful shutdown: a stopped benchmark server has nobody to finish answering.
        server.setStopTimeout(0);
    }

    /** Starts a server listening on {@code host:port} (port 0: any free port). */
    public static AuthServer start(ServerSetup setup, String host, int port) throws Exception {
        AuthServer running = new AuthServer(setup, host, port);
        try {
            running.server.start();
        } catch (Exception e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:40123/}. */
    public URI uri() {
        String host = connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the server", e);
        } finally {
            strategy.close();
            store.close();
        }
    }
}

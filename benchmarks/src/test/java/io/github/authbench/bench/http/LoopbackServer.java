package io.github.authbench.bench.http;

import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty server on a free loopback port around a test's handler, for tests of the driver's side. */
record LoopbackServer(Server server, URI uri) implements AutoCloseable {

    static LoopbackServer start(Handler handler) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return new LoopbackServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

package io.github.authbench.bench.cli;

import io.github.authbench.bench.http.AuthServer;
import io.github.authbench.bench.http.ServerProcess;
import io.github.authbench.bench.http.ServerSetup;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./authbench serve}: one strategy behind a real HTTP server, until stopped. {@code ./authbench http} starts one
 * per strategy on this machine; run it yourself on another host and point {@code http --target} at it to load a real
 * deployment.
 */
@Command(name = "serve", description = "Serve one strategy over HTTP (/login, /api/me, /refresh, /logout, /ping) until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--strategy", defaultValue = "session", description = "the strategy to serve (default session)")
    String strategy;

    @Mixin
    ServerOptions server;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "interface to listen on (default 127.0.0.1, loopback only; 0.0.0.0 to be reached from other hosts)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (default 8080; 0 for any free port)")
    int port;

    @Option(names = "--until-stdin-closes", hidden = true,
            description = "stop when standard input reaches its end: a server started by http dies with its driver")
    boolean untilStdinCloses;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0..65535, not " + port);
        }
        ServerSetup setup = server.setup(ServerOptions.strategy(strategy));
        try (AuthServer running = AuthServer.start(setup, host, port)) {
            System.out.println(ServerProcess.LISTENING + running.uri() + " (" + setup.describe() + ")");
            System.out.flush();
            if (untilStdinCloses) {
                while (System.in.read() >= 0) {
                    // The parent never writes; this only waits for the end of the stream.
                }
            } else {
                new CountDownLatch(1).await();
            }
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        return 0;
    }
}

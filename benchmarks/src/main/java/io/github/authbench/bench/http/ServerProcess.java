package io.github.authbench.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in a JVM of its own ({@code authbench serve} on this classpath), on a free loopback port, its output appended
 * to a log. It stops when this process closes its standard input (or dies), so no server outlives a sweep.
 */
public final class ServerProcess implements AutoCloseable {

    /** What {@code serve} prints once it listens; the address follows. */
    public static final String LISTENING = "authbench serve: listening on ";
    /**
     * A fixed heap, so every server starts alike and none grows into the driver's memory, and G1 with a pause target
     * well inside a millisecond-scale objective, as a service with one would run: with G1's default 200 ms target the
     * young generation grew to 600 MB and its pauses to 27-94 ms, so whether a rate met its p99 depended on whether a
     * collection fell in its 2.5 s window.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=5");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static ServerProcess start(ServerSetup setup, CpuPlacement placement, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.github.authbench.bench.cli.AuthbenchCommand", "serve", "--host", "127.0.0.1", "--port", "0",
                "--until-stdin-closes"));
        command.addAll(setup.serveArguments());
        ProcessBuilder builder = new ProcessBuilder(placement.serverCommand(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, listening), "server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServerProcess(process, listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("the " + setup.strategy().id() + " server did not start (see " + log + "): "
                    + cause.getMessage());
        }
    }

    /** Copies the server's output to the log and completes {@code listening} with the address it announces. */
    private static void pump(Process process, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = output.readLine()) != null) {
                writer.write(line);
                writer.write(System.lineSeparator());
                writer.flush();
                if (line.startsWith(LISTENING)) {
                    listening.complete(URI.create(line.substring(LISTENING.length()).split(" ", 2)[0]));
                }
            }
            listening.completeExceptionally(new IOException("it exited with status " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    URI uri() {
        return uri;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

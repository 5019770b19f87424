package io.github.authbench.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process on a free loopback port, without persistence (no RDB, no AOF), which tests can
 * kill and restart on the same port to prove how the suite behaves when Redis dies.
 *
 * <p>The binary is {@code redis-server} from the PATH when there is one, otherwise the one shipped for this platform
 * inside the {@code com.github.codemonstur:embedded-redis} jar from Maven Central, so a machine with only a JDK and
 * Maven still runs the Redis tests for real.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path binary;
    private final int port;
    private final List<String> extraArguments;
    private final Path log;
    private Process process;

    private RedisServerProcess(Path binary, int port, List<String> extraArguments) throws IOException {
        this.binary = binary;
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
        this.log = Files.createTempFile("authbench-redis-" + port + "-", ".log");
        this.log.toFile().deleteOnExit();
    }

    /** Starts a server on a free loopback port. */
    public static RedisServerProcess start() {
        return start(List.of());
    }

    /** Starts a server on a free loopback port with more redis-server options, e.g. cluster mode. */
    public static RedisServerProcess start(List<String> extraArguments) {
        try {
            RedisServerProcess server = new RedisServerProcess(findBinary(), freePort(), extraArguments);
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public Path binary() {
        return binary;
    }

    /** {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** What this server is, for logs. */
    public String origin() {
        return "redis-server process " + binary + " on port " + port;
    }

    /** Starts the server again on the same port (after {@link #kill()} or {@link #stop()}); it comes back empty. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is still running");
        }
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--port", Integer.toString(port),
                    "--bind", "127.0.0.1",
                    "--save", "",
                    "--appendonly", "no",
                    "--daemonize", "no",
                    "--loglevel", "warning"));
            command.addAll(extraArguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitPong();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    /** The operating system's id of the running server process. */
    public long pid() {
        return process.pid();
    }

    /** Kills the server with SIGKILL, as a crash would: no shutdown, nothing saved. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops the server gracefully (SIGTERM). */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitForExit();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the server answers PING, with a plain socket so startup does not depend on the client library. */
    private void awaitPong() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(binary + " exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(500);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = socket.getInputStream().readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IOException("redis-server did not answer PING on port " + port + " within " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Path findBinary() throws IOException {
        Optional<Path> onPath = onPath("redis-server");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        String resource = shippedBinaryName();
        try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no redis-server on the PATH and no " + resource
                        + " on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Path extracted = Files.createTempFile("authbench-redis-server-", "");
            Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
            extracted.toFile().deleteOnExit();
            if (!extracted.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + extracted + " executable");
            }
            return extracted;
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name embedded-redis 1.4.3 gives its binary for this OS and CPU. */
    private static String shippedBinaryName() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IOException("no shipped redis-server for " + os + "/" + arch + "; install redis-server or set REDIS_URL");
    }
}

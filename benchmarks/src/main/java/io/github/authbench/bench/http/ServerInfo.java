package io.github.authbench.bench.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.authbench.results.RunDirectory;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an {@code ./authbench serve} says on {@code GET /info}: its setup ({@link ServerSetup#fromInfo}) and, live, how
 * long its JIT compilers have worked ({@link #COMPILER_MILLIS}, {@link CompilerWork}).
 */
final class ServerInfo {

    /** How long the server JVM's JIT compilers have worked so far, in milliseconds (absent where it cannot say). */
    static final String COMPILER_MILLIS = "compilerMillis";
    /** How {@link #COMPILER_MILLIS} is measured ({@link CompilerWork.Source}). */
    static final String COMPILER_SOURCE = "compilerMillisSource";

    private ServerInfo() {
    }

    /** Asks the server behind {@code server} for its {@code /info}. */
    static Map<String, Object> fetch(HttpConnections server, Duration timeout) throws IOException, InterruptedException {
        record Answer(int status, byte[] body) {
        }
        CompletableFuture<Answer> answered = new CompletableFuture<>();
        // The reply's response is released when it returns, so its body is copied out there.
        server.send(server.request(HttpMethod.GET, "/info"), response -> answered.complete(response == null ? null
                : new Answer(response.status().code(), ByteBufUtil.getBytes(response.content()))));
        Answer answer;
        try {
            answer = answered.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot reach " + server.uri() + ": " + e.getMessage(), e);
        }
        if (answer == null) {
            throw new IOException("cannot reach " + server.uri() + " within " + timeout.toMillis() + " ms");
        }
        if (answer.status() != 200) {
            throw new IOException(server.uri().resolve("/info") + " answered " + answer.status()
                    + ": is it ./authbench serve?");
        }
        try {
            return RunDirectory.JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IOException(server.uri().resolve("/info") + " is not JSON: is it ./authbench serve?", e);
        }
    }

    /** How long the server's compilers have worked so far, or -1 when its {@code /info} does not say. */
    static long compilerMillis(Map<String, ?> info) {
        return info.get(COMPILER_MILLIS) instanceof Number millis ? millis.longValue() : -1;
    }
}

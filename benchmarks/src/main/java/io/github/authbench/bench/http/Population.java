package io.github.authbench.bench.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.authbench.results.RunDirectory;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The live logins the load authenticates with: one access credential per user, each obtained by a real
 * {@code POST /login}. A login during the load replaces its user's credential, as a user signing in again does (the old
 * login stays live on the server until it expires, as abandoned logins do).
 */
final class Population {

    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() { };
    /** Logins in flight while the population is made: enough to keep a server busy, few enough to stay polite. */
    private static final int CONCURRENT_LOGINS = 32;

    private final HttpConnections server;
    private final CredentialTransport transport;
    private final AtomicReferenceArray<String> access;

    private Population(HttpConnections server, CredentialTransport transport, int size) {
        this.server = server;
        this.transport = transport;
        this.access = new AtomicReferenceArray<>(size);
    }

    /** Logs users 0 .. size-1 in; fails if any login fails or the whole takes longer than {@code within}. */
    static Population logIn(HttpConnections server, CredentialTransport transport, int size, Duration within)
            throws IOException, InterruptedException {
        Population population = new Population(server, transport, size);
        Semaphore inFlight = new Semaphore(CONCURRENT_LOGINS);
        List<CompletableFuture<Outcome>> logins = new ArrayList<>(size);
        long deadline = System.nanoTime() + within.toNanos();
        for (int user = 0; user < size; user++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("logging " + size + " users in took longer than " + within);
            }
            CompletableFuture<Outcome> done = new CompletableFuture<>();
            logins.add(done);
            population.login(user, outcome -> {
                inFlight.release();
                done.complete(outcome);
            });
        }
        for (int user = 0; user < size; user++) {
            try {
                Outcome login = logins.get(user).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!login.ok()) {
                    throw new IOException("the server refused the login of user " + user + ": " + login.failure());
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("logging " + size + " users in took longer than " + within, e);
            }
        }
        return population;
    }

    int size() {
        return access.length();
    }

    /** The current access credential of a user. */
    String access(int user) {
        return access.get(user);
    }

    /** Logs the user in again and keeps the new credential; {@code done} says whether that worked. */
    void login(int user, Workload.Done done) {
        FullHttpRequest login = server.request(HttpMethod.POST, "/login");
        byte[] form = ("user=" + user).getBytes(StandardCharsets.US_ASCII);
        login.content().writeBytes(form);
        login.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED);
        HttpUtil.setContentLength(login, form.length);
        server.send(login, answer -> {
            Outcome outcome = Outcome.of(answer);
            done.completed(outcome.ok() ? keep(user, answer) : outcome);
        });
    }

    private Outcome keep(int user, FullHttpResponse answer) {
        try (InputStream content = new ByteBufInputStream(answer.content())) {
            String credential = transport.accessFrom(answer.headers().getAll(HttpHeaderNames.SET_COOKIE),
                    RunDirectory.JSON.readValue(content, BODY));
            if (credential != null) {
                access.set(user, credential);
                return Outcome.OK;
            }
        } catch (IOException notJson) {
            // a login answer the transport cannot read: no credential either
        }
        return Outcome.failed("login answer without a credential");
    }
}

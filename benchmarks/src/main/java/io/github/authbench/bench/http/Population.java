package io.github.authbench.bench.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;

/**
 * The live logins the load authenticates with: one access credential per user, each obtained by a real
 * {@code POST /login}. A login during the load replaces its user's credential, as a user signing in again does (the old
 * login stays live on the server until it expires, as abandoned logins do).
 */
final class Population {

    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() { };
    /** Logins in flight while the population is made: enough to keep a server busy, few enough to stay polite. */
    private static final int CONCURRENT_LOGINS = 32;

    private final URI login;
    private final CredentialTransport transport;
    private final AtomicReferenceArray<String> access;

    private Population(URI server, CredentialTransport transport, int size) {
        this.login = server.resolve("/login");
        this.transport = transport;
        this.access = new AtomicReferenceArray<>(size);
    }

    /** Logs users 0 .. size-1 in; fails if any login fails or the whole takes longer than {@code within}. */
    static Population logIn(HttpClient client, URI server, CredentialTransport transport, int size, Duration within)
            throws IOException, InterruptedException {
        Population population = new Population(server, transport, size);
        Semaphore inFlight = new Semaphore(CONCURRENT_LOGINS);
        CompletableFuture<?>[] logins = new CompletableFuture<?>[size];
        long deadline = System.nanoTime() + within.toNanos();
        for (int user = 0; user < size; user++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("logging " + size + " users in took longer than " + within);
            }
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            logins[user] = done;
            population.login(client, user, within.toMillis(), ok -> {
                inFlight.release();
                done.complete(ok);
            });
        }
        for (int user = 0; user < size; user++) {
            try {
                if (!(Boolean) logins[user].get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IOException("the server refused the login of user " + user);
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
    void login(HttpClient client, int user, long timeoutMillis, Workload.Done done) {
        Fields form = new Fields();
        form.put("user", Integer.toString(user));
        client.newRequest(login).method(HttpMethod.POST).body(new FormRequestContent(form))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .send(new BufferingResponseListener(16 * 1024) {
                    @Override
                    public void onComplete(Result result) {
                        done.completed(result.isSucceeded() && result.getResponse().getStatus() == 200
                                && keep(user, result, getContent()));
                    }
                });
    }

    private boolean keep(int user, Result result, byte[] content) {
        try {
            String credential = transport.accessFrom(result.getResponse().getHeaders(), RunDirectory.JSON.readValue(content, BODY));
            if (credential == null) {
                return false;
            }
            access.set(user, credential);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

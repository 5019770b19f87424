package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.StrategyKind;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A credential the server stops accepting in the middle of a load: its requests fail in the step under the status and
 * reason the server gave, and nobody else's do, so a failing row in the report says whose and why.
 */
class RefusedCredentialTest {

    private static final int USERS = 10;
    private static final int LOGGED_OUT = 3;

    @ParameterizedTest
    @EnumSource(CredentialTransport.class)
    void aLoggedOutUsersRequestsFailAsRevokedAndNobodyElses(CredentialTransport transport) throws Exception {
        ServerSetup setup = new ServerSetup(StrategyKind.STATEFUL_JWT, "HS256", "jjwt", StoreKind.CAFFEINE,
                Payload.SMALL, transport);
        try (AuthServer server = AuthServer.start(setup, "127.0.0.1", 0);
                OpenLoadDriver driver = new OpenLoadDriver(Duration.ofSeconds(2), false);
                HttpConnections connections = driver.connect(server.uri(), 4)) {
            Population population = Population.logIn(connections, transport, USERS, Duration.ofSeconds(20));
            assertThat(logout(connections, transport.accessField(population.access(LOGGED_OUT)))).isEqualTo(204);

            // No login in the window (one in a million), so the logged-out user keeps the refused credential.
            LoadStep step = driver.run(new AuthWorkload(connections, population, transport, 1_000_000, "stateful-jwt"),
                    500, Duration.ofMillis(100), Duration.ofMillis(400));

            assertThat(step.scheduled()).isEqualTo(200);
            assertThat(step.failures()).as("every user comes once in any %d requests in a row", USERS)
                    .containsExactlyEntriesOf(Map.of("401 REVOKED", 200L / USERS));
        }
    }

    private static int logout(HttpConnections connections, HttpField credential) throws Exception {
        FullHttpRequest logout = connections.request(HttpMethod.POST, "/logout");
        logout.headers().set(credential.getName(), credential.getValue());
        CompletableFuture<Integer> status = new CompletableFuture<>();
        connections.send(logout, answer -> status.complete(answer == null ? 0 : answer.status().code()));
        return status.get(5, TimeUnit.SECONDS);
    }
}

package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.StrategyKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's five endpoints over real HTTP on loopback, with both ways a credential travels: what a browser or an API
 * client would see, and that nothing a hostile client sends gets past the strategy.
 */
class AuthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpClient client;

    @BeforeAll
    static void startClient() throws Exception {
        client = new HttpClient();
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        client.stop();
    }

    private static AuthServer serve(StrategyKind strategy, CredentialTransport transport) throws Exception {
        return AuthServer.start(new ServerSetup(strategy, "HS256", "jjwt", StoreKind.CAFFEINE, Payload.SMALL, transport),
                "127.0.0.1", 0);
    }

    private static ContentResponse login(URI server, String user) throws Exception {
        Fields form = new Fields();
        form.put("user", user);
        return client.newRequest(server.resolve("/login")).method(HttpMethod.POST).body(new FormRequestContent(form))
                .send();
    }

    private static ContentResponse me(URI server, HttpField credential) throws Exception {
        return send(server, "/api/me", HttpMethod.GET, credential);
    }

    private static ContentResponse post(URI server, String path, HttpField credential) throws Exception {
        return send(server, path, HttpMethod.POST, credential);
    }

    /** A request carrying {@code credential}, or no credential when it is null. */
    private static ContentResponse send(URI server, String path, HttpMethod method, HttpField credential)
            throws Exception {
        return client.newRequest(server.resolve(path)).method(method).headers(h -> {
            if (credential != null) {
                h.add(credential);
            }
        }).send();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ContentResponse response) throws Exception {
        return JSON.readValue(response.getContent(), Map.class);
    }

    @ParameterizedTest
    @EnumSource(CredentialTransport.class)
    void aLoggedInUserReachesApiMeAndLogoutEndsASession(CredentialTransport transport) throws Exception {
        try (AuthServer server = serve(StrategyKind.SESSION, transport)) {
            ContentResponse login = login(server.uri(), "42");
            assertThat(login.getStatus()).isEqualTo(200);
            String access = transport.accessFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            assertThat(access).isNotBlank();

            ContentResponse me = me(server.uri(), transport.accessField(access));
            assertThat(me.getStatus()).isEqualTo(200);
            assertThat(body(me)).containsEntry("sub", "user-42");

            ContentResponse logout = post(server.uri(), "/logout", transport.accessField(access));
            assertThat(logout.getStatus()).isEqualTo(204);
            ContentResponse after = me(server.uri(), transport.accessField(access));
            assertThat(after.getStatus()).isEqualTo(401);
            assertThat(body(after)).containsEntry("error", "REVOKED");
        }
    }

    @ParameterizedTest
    @EnumSource(CredentialTransport.class)
    void aLogoutWithAForgedOrMissingCredentialEndsNobodysSession(CredentialTransport transport) throws Exception {
        try (AuthServer server = serve(StrategyKind.SESSION, transport)) {
            ContentResponse login = login(server.uri(), "5");
            String access = transport.accessFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            String forged = access.substring(0, access.length() - 2) + (access.endsWith("AA") ? "BB" : "AA");

            for (HttpField hostile : new HttpField[] {null, transport.accessField(forged), transport.accessField("")}) {
                ContentResponse logout = post(server.uri(), "/logout", hostile);
                assertThat(logout.getStatus()).as("%s", hostile).isEqualTo(204);
            }
            assertThat(me(server.uri(), transport.accessField(access)).getStatus()).isEqualTo(200);
        }
    }

    @org.junit.jupiter.api.Test
    void cookiesAreHostOnlySecureHttpOnlyAndStrict() throws Exception {
        try (AuthServer server = serve(StrategyKind.ACCESS_REFRESH, CredentialTransport.COOKIE)) {
            List<String> cookies = login(server.uri(), "7").getHeaders().getValuesList(HttpHeader.SET_COOKIE);

            assertThat(cookies).hasSize(2);
            assertThat(cookies).allSatisfy(cookie -> assertThat(cookie)
                    .contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict").contains("Max-Age="));
            assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("__Host-access=").contains("Path=/;"));
            assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("__Secure-refresh=")
                    .contains("Path=/refresh"));
        }
    }

    @ParameterizedTest
    @EnumSource(CredentialTransport.class)
    void refreshRotatesAndAReusedRefreshTokenIsRefused(CredentialTransport transport) throws Exception {
        try (AuthServer server = serve(StrategyKind.ACCESS_REFRESH, transport)) {
            ContentResponse login = login(server.uri(), "9");
            String refresh = transport.refreshFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            assertThat(refresh).isNotBlank();

            ContentResponse first = post(server.uri(), "/refresh", transport.refreshField(refresh));
            assertThat(first.getStatus()).isEqualTo(200);
            String rotated = transport.accessFrom(first.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(first));
            assertThat(me(server.uri(), transport.accessField(rotated)).getStatus()).isEqualTo(200);

            ContentResponse reuse = post(server.uri(), "/refresh", transport.refreshField(refresh));
            assertThat(reuse.getStatus()).isEqualTo(401);
            assertThat(body(reuse)).containsEntry("error", "REUSED");
        }
    }

    @ParameterizedTest
    @EnumSource(CredentialTransport.class)
    void aForgedRefreshTokenOrAnAccessTokenInItsPlaceIsRefused(CredentialTransport transport) throws Exception {
        try (AuthServer server = serve(StrategyKind.ACCESS_REFRESH, transport)) {
            ContentResponse login = login(server.uri(), "11");
            String access = transport.accessFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            String refresh = transport.refreshFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            String forged = refresh.substring(0, refresh.length() - 2) + (refresh.endsWith("AA") ? "BB" : "AA");

            for (String hostile : new String[] {forged, access, "", "x".repeat(6_000)}) {
                ContentResponse refused = post(server.uri(), "/refresh", transport.refreshField(hostile));
                assertThat(refused.getStatus()).as("%.20s", hostile).isEqualTo(401);
                assertThat(refused.getHeaders().get(HttpHeader.SET_COOKIE)).isNull();
                assertThat(body(refused)).doesNotContainKey("access_token");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StrategyKind.class)
    void forgedMissingGarbageAndForeignCredentialsAreRefusedWithAChallenge(StrategyKind strategy) throws Exception {
        try (AuthServer server = serve(strategy, CredentialTransport.BEARER)) {
            ContentResponse login = login(server.uri(), "1");
            String access = CredentialTransport.BEARER.accessFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            String forged = access.substring(0, access.length() - 2) + (access.endsWith("AA") ? "BB" : "AA");

            for (HttpField credential : new HttpField[] {null, CredentialTransport.BEARER.accessField(forged),
                    CredentialTransport.BEARER.accessField("x".repeat(6_000)),
                    new HttpField(HttpHeader.AUTHORIZATION, "Basic dXNlcjpwYXNz")}) {
                ContentResponse refused = me(server.uri(), credential);
                assertThat(refused.getStatus()).as("%s", credential).isEqualTo(401);
                assertThat(refused.getHeaders().get(HttpHeader.WWW_AUTHENTICATE)).startsWith("Bearer");
            }
            assertThat(me(server.uri(), CredentialTransport.BEARER.accessField(access)).getStatus()).isEqualTo(200);
        }
    }

    @org.junit.jupiter.api.Test
    void pingNeedsNothingAndMistakesGetTheirHttpStatus() throws Exception {
        try (AuthServer server = serve(StrategyKind.STATELESS_JWT, CredentialTransport.COOKIE)) {
            ContentResponse ping = client.newRequest(server.uri().resolve("/ping")).send();
            assertThat(ping.getStatus()).isEqualTo(200);
            assertThat(ping.getContentAsString()).isEqualTo("pong");

            assertThat(client.newRequest(server.uri().resolve("/login")).send().getStatus()).isEqualTo(405);
            assertThat(client.newRequest(server.uri().resolve("/nowhere")).send().getStatus()).isEqualTo(404);
            assertThat(login(server.uri(), "someone").getStatus()).isEqualTo(400);
            assertThat(post(server.uri(), "/refresh", null).getStatus())
                    .as("stateless-jwt has nothing to refresh").isEqualTo(404);
            assertThat(body(client.newRequest(server.uri().resolve("/info")).send()))
                    .containsEntry("strategy", "stateless-jwt").containsEntry("transport", "COOKIE")
                    .as("how long its JIT has worked, for a driver's warm-up").containsKey("compilerMillis")
                    .containsEntry("compilerMillisSource", "COMPILER_THREADS_CPU");
        }
    }

    @org.junit.jupiter.api.Test
    void aSessionOnRedisWorksOverHttpAndLogoutEndsIt() throws Exception {
        try (AuthServer server = AuthServer.start(new ServerSetup(StrategyKind.SESSION, "HS256", "jjwt", StoreKind.REDIS,
                Payload.SMALL, CredentialTransport.BEARER), "127.0.0.1", 0)) {
            ContentResponse login = login(server.uri(), "3");
            String access = CredentialTransport.BEARER.accessFrom(login.getHeaders().getValuesList(HttpHeader.SET_COOKIE), body(login));
            assertThat(body(me(server.uri(), CredentialTransport.BEARER.accessField(access)))).containsEntry("sub",
                    "user-3");
            post(server.uri(), "/logout", CredentialTransport.BEARER.accessField(access));
            assertThat(me(server.uri(), CredentialTransport.BEARER.accessField(access)).getStatus()).isEqualTo(401);
        }
    }
}

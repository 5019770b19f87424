package io.github.authbench.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authbench.bench.Payload;
import io.github.authbench.store.StoreUnavailableException;
import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.Principal;
import io.github.authbench.strategy.Reason;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The application: five endpoints around one {@link AuthStrategy}. A blocking handler (Jetty runs it on a pool thread),
 * because a strategy on Redis waits for its round trips.
 *
 * <ul>
 *   <li>{@code GET /ping}: no authentication, the baseline every other endpoint is measured against;
 *   <li>{@code POST /login} with form field {@code user=N}: logs user N in with the payload's principal. There is no
 *       password: checking one (a deliberately slow hash) is the same for every strategy and would hide what differs;
 *   <li>{@code GET /api/me}: authenticates the access credential and returns the principal;
 *   <li>{@code POST /refresh}: exchanges the refresh credential (or, for strategies without one, the access credential);
 *   <li>{@code POST /logout}: revokes the login as far as the strategy can, and clears the cookies.
 * </ul>
 * A rejected credential is 401 with {@code WWW-Authenticate} (RFC 6750 section 3); a store that cannot vouch for one is
 * 503: the request fails closed.
 */
final class AuthHandler extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ByteBuffer PONG = ByteBuffer.wrap("pong".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final AuthStrategy strategy;
    private final Payload payload;
    private final CredentialTransport transport;
    private final Clock clock;
    private final Map<String, Object> info;

    AuthHandler(AuthStrategy strategy, ServerSetup setup, Clock clock) {
        this.strategy = strategy;
        this.payload = setup.payload();
        this.transport = setup.transport();
        this.clock = clock;
        Map<String, Object> described = setup.info();
        described.put("cpus", Runtime.getRuntime().availableProcessors());
        described.put("java", Runtime.version().toString());
        this.info = Collections.unmodifiableMap(described);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (path) {
            case "/ping" -> {
                if (!expect(HttpMethod.GET, method, request, response, callback)) {
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                response.write(true, PONG.slice(), callback);
            }
            case "/api/me" -> {
                if (expect(HttpMethod.GET, method, request, response, callback)) {
                    me(request, response, callback);
                }
            }
            case "/login" -> {
                if (expect(HttpMethod.POST, method, request, response, callback)) {
                    login(request, response, callback);
                }
            }
            case "/refresh" -> {
                if (expect(HttpMethod.POST, method, request, response, callback)) {
                    refresh(request, response, callback);
                }
            }
            case "/logout" -> {
                if (expect(HttpMethod.POST, method, request, response, callback)) {
                    logout(request, response, callback);
                }
            }
            case "/info" -> {
                if (expect(HttpMethod.GET, method, request, response, callback)) {
                    json(response, callback, HttpStatus.OK_200, withCompilation(info));
                }
            }
            default -> Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
        return true;
    }

    /**
     * The setup, and how long this JVM's JIT compilers have worked so far ({@value ServerInfo#COMPILER_MILLIS},
     * measured as {@value ServerInfo#COMPILER_SOURCE} says): a load driver warms the server up until that stops
     * growing, since its rate before then is not the compiled code's.
     */
    private static Map<String, Object> withCompilation(Map<String, Object> setup) {
        Map<String, Object> live = new LinkedHashMap<>(setup);
        CompilerWork.Reading compiler = CompilerWork.read();
        if (compiler.source() != CompilerWork.Source.NONE) {
            live.put(ServerInfo.COMPILER_MILLIS, compiler.millis());
            live.put(ServerInfo.COMPILER_SOURCE, compiler.source().name());
        }
        return live;
    }

    private void me(Request request, Response response, Callback callback) throws Exception {
        try {
            Principal principal = strategy.authenticate(orEmpty(transport.access(request)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", principal.subject());
            body.put("roles", principal.roles());
            body.put("attributes", principal.attributes());
            json(response, callback, HttpStatus.OK_200, body);
        } catch (AuthException e) {
            rejected(response, callback, e.reason());
        } catch (StoreUnavailableException e) {
            rejected(response, callback, Reason.UNAVAILABLE);
        }
    }

    private void login(Request request, Response response, Callback callback) throws Exception {
        Fields form = Request.getParameters(request);
        String user = form.getValue("user");
        if (user == null || !user.matches("[0-9]{1,9}")) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "form field user=N (N a number)");
            return;
        }
        try {
            issued(response, callback, strategy.login(payload.principal(Integer.parseInt(user))));
        } catch (StoreUnavailableException e) {
            rejected(response, callback, Reason.UNAVAILABLE);
        }
    }

    private void refresh(Request request, Response response, Callback callback) throws Exception {
        String refresh = transport.refresh(request);
        String credential = refresh != null ? refresh : transport.access(request);
        try {
            issued(response, callback, strategy.refresh(orEmpty(credential)));
        } catch (UnsupportedOperationException e) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404,
                    strategy.id() + " has nothing to refresh");
        } catch (AuthException e) {
            rejected(response, callback, e.reason());
        } catch (StoreUnavailableException e) {
            rejected(response, callback, Reason.UNAVAILABLE);
        }
    }

    private void logout(Request request, Response response, Callback callback) throws Exception {
        try {
            strategy.logout(orEmpty(transport.access(request)));
        } catch (StoreUnavailableException e) {
            rejected(response, callback, Reason.UNAVAILABLE);
            return;
        }
        transport.clear(response);
        response.setStatus(HttpStatus.NO_CONTENT_204);
        callback.succeeded();
    }

    private void issued(Response response, Callback callback, Credentials credentials) throws Exception {
        json(response, callback, HttpStatus.OK_200, transport.issue(response, credentials, clock.instant()));
    }

    /** 401 with the RFC 6750 challenge, or 503 when the store could not be asked; the body names the reason. */
    private static void rejected(Response response, Callback callback, Reason reason) throws Exception {
        int status = reason == Reason.UNAVAILABLE ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.UNAUTHORIZED_401;
        if (status == HttpStatus.UNAUTHORIZED_401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        json(response, callback, status, Map.of("error", reason.name()));
    }

    private static boolean expect(HttpMethod expected, String method, Request request, Response response,
            Callback callback) {
        if (expected.is(method)) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, expected.asString());
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return false;
    }

    private static void json(Response response, Callback callback, int status, Object body) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }

    private static String orEmpty(String credential) {
        return credential == null ? "" : credential;
    }
}

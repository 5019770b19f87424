package io.github.authbench.bench.http;

import io.github.authbench.strategy.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * How a credential travels between client and server: as cookies a browser keeps, or as tokens an API client sends in
 * {@code Authorization: Bearer} (RFC 6750). Both sides of the HTTP load use it, so the server reads exactly what the
 * driver writes.
 */
public enum CredentialTransport {
    /**
     * {@code __Host-access} ({@code Secure}, {@code Path=/}, {@code HttpOnly}, {@code SameSite=Strict}: the prefix makes a
     * browser refuse it otherwise) and, where the strategy issues one, {@code __Secure-refresh} sent only to
     * {@code /refresh}.
     */
    COOKIE {
        @Override
        String access(Request request) {
            return cookie(request, ACCESS_COOKIE);
        }

        @Override
        String refresh(Request request) {
            return cookie(request, REFRESH_COOKIE);
        }

        @Override
        Map<String, Object> issue(Response response, Credentials credentials, Instant now) {
            Response.addCookie(response,
                    cookie(ACCESS_COOKIE, credentials.access(), "/", secondsUntil(credentials.accessExpiresAt(), now)));
            if (credentials.refresh() != null) {
                Response.addCookie(response, cookie(REFRESH_COOKIE, credentials.refresh(), "/refresh",
                        secondsUntil(credentials.refreshExpiresAt(), now)));
            }
            return new TreeMap<>(Map.of("expires_at", credentials.accessExpiresAt().toString()));
        }

        @Override
        void clear(Response response) {
            Response.addCookie(response, cookie(ACCESS_COOKIE, "", "/", 0));
            Response.addCookie(response, cookie(REFRESH_COOKIE, "", "/refresh", 0));
        }

        @Override
        public String accessFrom(List<String> setCookies, Map<String, Object> body) {
            return setCookie(setCookies, ACCESS_COOKIE);
        }

        @Override
        public String refreshFrom(List<String> setCookies, Map<String, Object> body) {
            return setCookie(setCookies, REFRESH_COOKIE);
        }

        @Override
        public HttpField accessField(String access) {
            return new HttpField(HttpHeader.COOKIE, ACCESS_COOKIE + "=" + access);
        }

        @Override
        public HttpField refreshField(String refresh) {
            return new HttpField(HttpHeader.COOKIE, REFRESH_COOKIE + "=" + refresh);
        }
    },
    /** {@code Authorization: Bearer <access>}; login and refresh answer with an RFC 6749 token response. */
    BEARER {
        @Override
        String access(Request request) {
            String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
                return null;
            }
            return authorization.substring(BEARER_PREFIX.length()).trim();
        }

        /** The refresh token travels like the access token, in its own header, so no body has to be parsed. */
        @Override
        String refresh(Request request) {
            return request.getHeaders().get(REFRESH_HEADER);
        }

        @Override
        Map<String, Object> issue(Response response, Credentials credentials, Instant now) {
            Map<String, Object> body = new TreeMap<>();
            body.put("access_token", credentials.access());
            body.put("token_type", "Bearer");
            body.put("expires_at", credentials.accessExpiresAt().toString());
            if (credentials.refresh() != null) {
                body.put("refresh_token", credentials.refresh());
            }
            return body;
        }

        @Override
        void clear(Response response) {
        }

        @Override
        public String accessFrom(List<String> setCookies, Map<String, Object> body) {
            return text(body.get("access_token"));
        }

        @Override
        public String refreshFrom(List<String> setCookies, Map<String, Object> body) {
            return text(body.get("refresh_token"));
        }

        @Override
        public HttpField accessField(String access) {
            return new HttpField(HttpHeader.AUTHORIZATION, BEARER_PREFIX + access);
        }

        @Override
        public HttpField refreshField(String refresh) {
            return new HttpField(REFRESH_HEADER, refresh);
        }
    };

    static final String ACCESS_COOKIE = "__Host-access";
    static final String REFRESH_COOKIE = "__Secure-refresh";
    static final String REFRESH_HEADER = "Refresh-Token";
    private static final String BEARER_PREFIX = "Bearer ";

    /** The access credential the request carries, or null. */
    abstract String access(Request request);

    /** The refresh credential the request carries, or null. */
    abstract String refresh(Request request);

    /** Hands the credentials to the client; returns the JSON body of the answer. */
    abstract Map<String, Object> issue(Response response, Credentials credentials, Instant now);

    /** Tells a client to forget its credentials (after logout). */
    abstract void clear(Response response);

    /** The access credential in a login or refresh answer (its {@code Set-Cookie} values and JSON body), or null. */
    public abstract String accessFrom(List<String> setCookies, Map<String, Object> body);

    /** The refresh credential in a login or refresh answer, or null when the strategy issues none. */
    public abstract String refreshFrom(List<String> setCookies, Map<String, Object> body);

    /** The request header that presents an access credential. */
    public abstract HttpField accessField(String access);

    /** The request header that presents a refresh credential. */
    public abstract HttpField refreshField(String refresh);

    private static String cookie(Request request, String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private static HttpCookie cookie(String name, String value, String path, long maxAgeSeconds) {
        return HttpCookie.build(name, value).path(path).maxAge(maxAgeSeconds).secure(true).httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).build();
    }

    private static long secondsUntil(Instant expiresAt, Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).toSeconds());
    }

    /** A token from an answer's JSON, or null when it is missing or not a string (a number or object is no token). */
    private static String text(Object value) {
        return value instanceof String token && !token.isEmpty() ? token : null;
    }

    private static String setCookie(List<String> setCookies, String name) {
        String prefix = name + "=";
        return setCookies.stream().filter(v -> v.startsWith(prefix))
                .map(v -> v.substring(prefix.length(), v.indexOf(';') < 0 ? v.length() : v.indexOf(';')))
                .filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }
}

package io.github.authbench.bench;

import io.github.authbench.strategy.Credentials;
import java.nio.charset.StandardCharsets;

/**
 * What a credential costs on the wire, as a browser or client sends it: the {@code Authorization: Bearer} header line,
 * the {@code Cookie:} request header, and the cookie itself as RFC 6265 counts it (name, value and attributes) against
 * the 4096 bytes every browser must support; request header lines against the common 8 KiB limit (nginx, Tomcat,
 * Spring Boot).
 */
record WireSizes(int accessBytes, int authorizationHeaderBytes, int cookieHeaderBytes, int cookieBytes,
        boolean fitsCookieLimit, boolean fitsHeaderLimit, Integer refreshBytes) {

    static final int COOKIE_LIMIT = 4096;
    static final int HEADER_LIMIT = 8192;
    static final String COOKIE_NAME = "__Host-auth";
    static final String COOKIE_ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    static WireSizes of(Credentials credentials) {
        String access = credentials.access();
        int authorization = bytes("Authorization: Bearer " + access);
        int cookieHeader = bytes("Cookie: " + COOKIE_NAME + "=" + access);
        int cookie = bytes(COOKIE_NAME + "=" + access + COOKIE_ATTRIBUTES);
        return new WireSizes(bytes(access), authorization, cookieHeader, cookie,
                cookie <= COOKIE_LIMIT, Math.max(authorization, cookieHeader) <= HEADER_LIMIT,
                credentials.refresh() == null ? null : bytes(credentials.refresh()));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

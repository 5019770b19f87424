package io.github.authbench.strategy;

import java.time.Instant;
import java.util.Map;

/**
 * The claims of a genuine token as read strictly from its own bytes ({@link StrictJws}), never as a library converted
 * them: every library then gives a strategy the same values. Strings, longs (dates are checked integers in range),
 * other numbers, booleans, lists and maps, as JSON has them.
 */
final class VerifiedClaims {

    private final Map<String, Object> claims;

    VerifiedClaims(Map<String, Object> claims) {
        this.claims = claims;
    }

    /** The claim's value, or null when absent. */
    Object get(String name) {
        return claims.get(name);
    }

    /** The claim when it is a string, else null. */
    String string(String name) {
        return claims.get(name) instanceof String value ? value : null;
    }

    String subject() {
        return string("sub");
    }

    String id() {
        return string("jti");
    }

    String issuer() {
        return string("iss");
    }

    /** A date claim in epoch seconds, or null when absent (the strict reader refused any that is not an integer). */
    Long seconds(String name) {
        return (Long) claims.get(name);
    }

    Instant issuedAt() {
        return Instant.ofEpochSecond(seconds("iat"));
    }

    Instant expiresAt() {
        return Instant.ofEpochSecond(seconds("exp"));
    }
}

package io.github.authbench.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A token about to be signed: its {@code typ} and its claims, in the order they are written. */
final class TokenDraft {

    private final String type;
    private final Map<String, Object> claims = new LinkedHashMap<>();

    TokenDraft(String type) {
        this.type = type;
    }

    /** Adds a claim: a string, a long, a list of strings or a map of strings. */
    TokenDraft claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    String type() {
        return type;
    }

    Map<String, Object> claims() {
        return Collections.unmodifiableMap(claims);
    }
}

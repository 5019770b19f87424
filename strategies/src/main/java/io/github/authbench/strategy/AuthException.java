package io.github.authbench.strategy;

import java.util.Objects;

/**
 * A credential was rejected. Thrown on every request an attacker sends, so it is cheap: no stack trace is filled in and
 * suppression is off; the {@link Reason} and message say everything a caller needs.
 */
public final class AuthException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public AuthException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "AuthException[" + reason + "]: " + getMessage();
    }
}

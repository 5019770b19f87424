package io.github.authbench.strategy;

import java.time.Instant;
import java.util.Objects;

/**
 * What a login or refresh hands the client: the access credential sent with every request and, for strategies that have
 * one, a refresh credential. The refresh fields are {@code null} when the strategy issues no refresh credential.
 */
public record Credentials(String access, String refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {

    public Credentials {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        if ((refresh == null) != (refreshExpiresAt == null)) {
            throw new IllegalArgumentException("refresh and refreshExpiresAt are both set or both null");
        }
    }

    /** Credentials with an access credential only. */
    public static Credentials accessOnly(String access, Instant accessExpiresAt) {
        return new Credentials(access, null, accessExpiresAt, null);
    }
}

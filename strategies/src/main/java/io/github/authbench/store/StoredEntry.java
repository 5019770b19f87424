package io.github.authbench.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A value as the store holds it, with the instant its logical life ends. A store keeps an entry for a while past that
 * instant (its retention), so a strategy can tell a client "expired" or "revoked" instead of "never heard of it".
 */
public record StoredEntry(byte[] value, Instant expiresAt) {

    public StoredEntry {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the entry's logical life still runs at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

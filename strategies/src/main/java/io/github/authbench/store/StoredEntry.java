package io.github.authbench.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A value as the store holds it, with the instant its logical life ends. A store keeps an entry for a while past that
 * instant (its retention), so a strategy can tell a client "expired" or "revoked" instead of "never heard of it".
 *
 * <p>An entry also keeps the form its reader decoded the bytes into. The embedded store hands out the same entry on
 * every read, so a hot session is decoded once, as an in-process session store holding objects would; an entry read
 * from Redis is new on each read and is decoded each time, as it must be.
 */
public final class StoredEntry {

    private final byte[] value;
    private final Instant expiresAt;
    private volatile Object decoded;

    public StoredEntry(byte[] value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** How a reader turns the bytes into its own form. */
    @FunctionalInterface
    public interface Decoder<T, E extends Exception> {
        T decode(byte[] value) throws E;
    }

    public byte[] value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the entry's logical life still runs at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * The value decoded by {@code decoder}, decoded once per entry. Every reader of one store must use one decoder (the
     * strategies' value codec); two threads may both decode the first time, which is harmless.
     */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T decoded(Decoder<T, E> decoder) throws E {
        Object known = decoded;
        if (known == null) {
            known = decoder.decode(value);
            decoded = known;
        }
        return (T) known;
    }

    /** The same value with a new expiry, keeping what was decoded (sliding renewal). */
    public StoredEntry withExpiry(Instant newExpiresAt) {
        StoredEntry renewed = new StoredEntry(value, newExpiresAt);
        renewed.decoded = decoded;
        return renewed;
    }

    @Override
    public String toString() {
        return "StoredEntry[" + value.length + " bytes, expires " + expiresAt + "]";
    }
}

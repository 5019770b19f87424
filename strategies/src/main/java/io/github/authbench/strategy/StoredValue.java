package io.github.authbench.strategy;

import io.github.authbench.store.StoredEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What strategies keep in a {@link io.github.authbench.store.SessionStore}, and its byte encoding.
 *
 * <p>The encoding is a tag byte followed by the fields in {@link DataOutputStream} form (big-endian longs, modified UTF-8
 * strings with a two-byte length, counts as unsigned shorts). It is compact, has no class names in it (unlike Java
 * serialization, which also deserializes whatever a tampered store hands it), and any node of any version that knows the
 * tags can read it.
 */
sealed interface StoredValue {

    /** A live session: the login instant (for absolute timeouts) and the principal the session speaks for. */
    record Session(Instant loginAt, Principal principal) implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(SESSION);
            out.writeLong(loginAt.toEpochMilli());
            writePrincipal(out, principal);
        }
    }

    /** The login this entry belonged to was ended: logout, logout-everywhere, a revoked refresh family, a denylisted jti. */
    record Revoked() implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(REVOKED);
        }
    }

    /** A refresh token that may still be exchanged once, and the principal to issue the next access token for. */
    record Refresh(Principal principal) implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(REFRESH);
            writePrincipal(out, principal);
        }
    }

    /** A refresh token that was exchanged; presenting it again is reuse. */
    record Rotated() implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(ROTATED);
        }
    }

    /** A refresh-token family (one login) that is still alive. */
    record Family() implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(FAMILY);
        }
    }

    /**
     * The subject's current login epoch, set by logout-everywhere: tokens that carry another epoch, or none, were issued
     * before it and are revoked (logout everywhere for stateless tokens, with no clock compared).
     */
    record Epoch(String id) implements StoredValue {
        @Override
        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(EPOCH);
            out.writeUTF(id);
        }
    }

    /** Writes the tag byte and the fields of this value. */
    void writeTo(DataOutputStream out) throws IOException;

    byte SESSION = 1;
    byte REVOKED = 2;
    byte REFRESH = 3;
    byte ROTATED = 4;
    byte FAMILY = 5;
    byte EPOCH = 7;

    /** The most a string or a count can take in this encoding: a two-byte length. */
    int MAX_FIELD = 0xFFFF;

    /** The encoding of {@link Revoked}, shared because it is the tombstone swapped into ended logins. */
    byte[] REVOKED_BYTES = {REVOKED};

    /** The encoding of {@link Rotated}. */
    byte[] ROTATED_BYTES = {ROTATED};

    /**
     * The value's bytes.
     *
     * @throws IllegalArgumentException when a principal does not fit: a string longer than {@value #MAX_FIELD} bytes
     *     of modified UTF-8, or more than {@value #MAX_FIELD} roles or attributes
     */
    static byte[] encode(StoredValue value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            value.writeTo(out);
        } catch (UTFDataFormatException e) {
            throw new IllegalArgumentException(
                    "principal too large to store: a string exceeds " + MAX_FIELD + " bytes of modified UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The value an entry holds, decoded once per entry (see {@link StoredEntry#decoded}). */
    static StoredValue of(StoredEntry entry) throws AuthException {
        return entry.decoded(StoredValue::decode);
    }

    /** Decodes a stored value; bytes this version cannot read fail closed as {@link Reason#UNAVAILABLE}. */
    static StoredValue decode(byte[] bytes) throws AuthException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte tag = in.readByte();
            StoredValue value = switch (tag) {
                case SESSION -> new Session(Instant.ofEpochMilli(in.readLong()), readPrincipal(in));
                case REVOKED -> new Revoked();
                case REFRESH -> new Refresh(readPrincipal(in));
                case ROTATED -> new Rotated();
                case FAMILY -> new Family();
                case EPOCH -> new Epoch(in.readUTF());
                default -> throw new AuthException(Reason.UNAVAILABLE, "store holds a value of unknown kind " + tag);
            };
            if (in.available() > 0) {
                throw new AuthException(Reason.UNAVAILABLE, "store holds a value with trailing bytes");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthException(Reason.UNAVAILABLE, "store holds a value this version cannot read");
        }
    }

    private static void writePrincipal(DataOutputStream out, Principal p) throws IOException {
        if (p.roles().size() > MAX_FIELD || p.attributes().size() > MAX_FIELD) {
            throw new IllegalArgumentException("principal too large to store: more than " + MAX_FIELD
                    + " roles or attributes (" + p.roles().size() + " roles, " + p.attributes().size() + " attributes)");
        }
        out.writeUTF(p.subject());
        out.writeShort(p.roles().size());
        for (String role : p.roles()) {
            out.writeUTF(role);
        }
        out.writeShort(p.attributes().size());
        for (Map.Entry<String, String> attribute : p.attributes().entrySet()) {
            out.writeUTF(attribute.getKey());
            out.writeUTF(attribute.getValue());
        }
    }

    private static Principal readPrincipal(DataInputStream in) throws IOException {
        String subject = in.readUTF();
        int roleCount = in.readUnsignedShort();
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < roleCount; i++) {
            roles.add(in.readUTF());
        }
        int attributeCount = in.readUnsignedShort();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(in.readUTF(), in.readUTF());
        }
        return new Principal(subject, roles, attributes);
    }
}

package io.github.authbench.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random opaque identifiers (session ids, refresh secrets, jti) and their format check. Ids carry 256 bits from a CSPRNG,
 * above OWASP's 64-bit minimum and its 128-bit advice for self-made ids, encoded base64url without padding.
 */
final class OpaqueTokens {

    /** Bytes of a session id or refresh secret: 256 bits. */
    static final int ID_BYTES = 32;

    /** Characters of an encoded 256-bit id: ceil(32 * 8 / 6). */
    static final int ID_CHARS = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OpaqueTokens() {
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A fresh 256-bit id. */
    static String newId() {
        return encode(randomBytes(ID_BYTES));
    }

    /** A fresh 128-bit id, for JWT ids where the token's signature already prevents guessing. */
    static String newShortId() {
        return encode(randomBytes(16));
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] decode(String text) {
        return DECODER.decode(text);
    }

    /** Whether {@code text} is exactly an encoded id of {@code bytes} bytes, in canonical form (no stray padding bits). */
    static boolean isCanonical(String text, int bytes) {
        return text.length() == (bytes * 8 + 5) / 6
                && isBase64Url(text, 0, text.length())
                && !hasStrayTailBits(text, 0, text.length());
    }

    /**
     * Whether {@code text[from, to)} is unpadded base64url: only its 64 characters, and a length a byte string can
     * have. Checked on signatures because jjwt's decoder skips characters outside the alphabet, so a signature with a
     * character inserted would still verify.
     */
    static boolean isBase64Url(String text, int from, int to) {
        if ((to - from) % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (sextet(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the base64url segment {@code text[from, to)} sets bits of its last character that carry no data. A decoder
     * ignores those bits, so one token has several spellings that all verify (JWT malleability): a "changed" token that
     * still works. Only a well-formed segment can have stray bits; other defects are left to the decoder.
     */
    static boolean hasStrayTailBits(String text, int from, int to) {
        int unusedBits = switch ((to - from) % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        int last = unusedBits == 0 ? -1 : sextet(text.charAt(to - 1));
        return last >= 0 && (last & ((1 << unusedBits) - 1)) != 0;
    }

    /** SHA-256 of the text, base64url: how refresh secrets are kept, so a store dump holds nothing usable. */
    static String sha256(String text) {
        try {
            return encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The 6-bit value of each base64url character, -1 for everything else: one lookup per character checked. */
    private static final byte[] SEXTETS = new byte[128];

    static {
        java.util.Arrays.fill(SEXTETS, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTETS[alphabet.charAt(i)] = (byte) i;
        }
    }

    private static int sextet(char c) {
        return c < 128 ? SEXTETS[c] : -1;
    }
}

package io.github.authbench.strategy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The rules of a compact JWS that hold whatever JWT library verifies it: the shape checked before any crypto (so a
 * forged credential costs little and every signature has exactly one spelling), and what a genuine token may contain,
 * checked after (so a signer that misbehaves, or another service sharing the key, cannot slip in what our tokens never
 * use). Library-independent on purpose: every JWT strategy goes through {@link JwtTokens}, which applies these.
 */
final class StrictJws {

    /** The only header parameters our tokens carry; zip, crit, b64, kid, jku, x5u and the rest are refused. */
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ");

    /** The claims that are NumericDates (RFC 7519 section 2), ours included. */
    private static final Set<String> DATE_CLAIMS = Set.of("exp", "iat", "nbf", JwtTokens.AUTH_TIME);

    /** 9999-12-31T23:59:59Z: the last second a NumericDate of ours may name, far inside every date type's range. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /** Stands for a date claim the payload lacks: a NumericDate in range is never negative. */
    private static final long ABSENT = -1;

    /** Duplicate member names are refused at every level: two readers must never see two different tokens. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private StrictJws() {
    }

    /** The dates a genuine token carries, in epoch seconds; null where the claim is absent. */
    record Dates(Long exp, Long iat, Long notBefore) {

        boolean hasNotBefore() {
            return notBefore != null;
        }
    }

    /**
     * Checks the compact form before verification: three segments, a signature of unpadded base64url in its one
     * canonical spelling and of exactly the algorithm's length (a JDK may verify an Ed25519 signature with a zero byte
     * appended, which would give every token a second spelling).
     */
    static void checkShape(String token, int signatureChars) throws AuthException {
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot < 0 || firstDot == lastDot || token.indexOf('.', firstDot + 1) != lastDot) {
            throw new AuthException(Reason.MALFORMED, "a JWS has exactly three dot-separated parts");
        }
        if (!OpaqueTokens.isBase64Url(token, lastDot + 1, token.length())) {
            throw new AuthException(Reason.MALFORMED, "signature is not base64url");
        }
        if (OpaqueTokens.hasStrayTailBits(token, lastDot + 1, token.length())) {
            throw new AuthException(Reason.BAD_SIGNATURE, "signature is a non-canonical spelling of base64url");
        }
        int chars = token.length() - lastDot - 1;
        if (chars != signatureChars) {
            throw new AuthException(Reason.BAD_SIGNATURE,
                    "signature has " + chars + " characters, this algorithm's have " + signatureChars);
        }
    }

    /** Characters of {@code bytes} bytes in unpadded base64url. */
    static int base64UrlChars(int bytes) {
        return (bytes * 8 + 5) / 6;
    }

    /**
     * Reads a verified token strictly, from its own bytes rather than from what a library made of them (jjwt drops an
     * empty {@code crit}, and repairs bad UTF-8): both segments valid UTF-8 and one JSON object with no repeated member,
     * the header with no parameter but alg and typ, the payload's dates integers in range (never a string, a fraction
     * or an overflowing number). A header segment in {@code knownHeaders} (the exact ones this server writes) is known
     * to pass and is not read again.
     */
    static Dates checkContent(String token, Set<String> knownHeaders) throws AuthException {
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        String headerSegment = token.substring(0, firstDot);
        if (!knownHeaders.contains(headerSegment)) {
            byte[] header = decode(headerSegment);
            requireUtf8(header, "header");
            checkHeader(header);
        }
        byte[] payload = decode(token.substring(firstDot + 1, lastDot));
        requireUtf8(payload, "payload");
        return dates(payload);
    }

    private static void checkHeader(byte[] header) throws AuthException {
        readObject(header, "header", (name, value, json) -> {
            if (!HEADER_PARAMETERS.contains(name)) {
                throw new AuthException(Reason.MALFORMED, "header parameter '" + name + "' is not one our tokens use");
            }
        });
    }

    /** The {@code alg} a header names, or null when it names none or cannot be read; for telling unsigned from odd. */
    static String algorithmOf(String token) {
        int firstDot = token.indexOf('.');
        if (firstDot < 0) {
            return null;
        }
        String[] alg = {null};
        try {
            readObject(decode(token.substring(0, firstDot)), "header", (name, value, json) -> {
                if (name.equals("alg") && alg[0] == null && value == JsonToken.VALUE_STRING) {
                    alg[0] = json.getText();
                }
            });
        } catch (AuthException unreadable) {
            // what was read before the header went wrong still names the algorithm
        }
        return alg[0];
    }

    /** What to do with one member of a JSON object, the parser standing on its value. */
    @FunctionalInterface
    private interface MemberReader {
        void read(String name, JsonToken value, JsonParser json) throws IOException, AuthException;
    }

    /**
     * Reads a segment that must be exactly one JSON object, member by member: no repeated member (at any depth), nothing
     * after the object. The reader sees each top-level member; its value is skipped afterwards.
     */
    private static void readObject(byte[] segment, String what, MemberReader reader) throws AuthException {
        try (JsonParser json = JSON.createParser(segment)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new AuthException(Reason.MALFORMED, what + " is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                reader.read(name, json.nextToken(), json);
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                throw new AuthException(Reason.MALFORMED, what + " has content after its JSON object");
            }
        } catch (IOException e) {
            throw new AuthException(Reason.MALFORMED, what + " is not strict JSON (a repeated member, or not JSON at all)");
        }
    }

    private static byte[] decode(String segment) throws AuthException {
        try {
            return BASE64URL.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new AuthException(Reason.MALFORMED, "a segment is not base64url");
        }
    }

    /** UTF-8 as RFC 7515 requires: a lenient decoder would turn a stray byte into U+FFFD inside a claim. */
    private static void requireUtf8(byte[] bytes, String what) throws AuthException {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
                    return;
                } catch (CharacterCodingException e) {
                    throw new AuthException(Reason.MALFORMED, what + " is not valid UTF-8");
                }
            }
        }
    }

    private static Dates dates(byte[] payload) throws AuthException {
        long[] seconds = {ABSENT, ABSENT, ABSENT}; // exp, iat, nbf
        readObject(payload, "payload", (name, value, json) -> {
            if (DATE_CLAIMS.contains(name)) {
                long date = numericDate(json, value, name);
                switch (name) {
                    case "exp" -> seconds[0] = date;
                    case "iat" -> seconds[1] = date;
                    case "nbf" -> seconds[2] = date;
                    default -> { }
                }
            }
        });
        return new Dates(present(seconds[0]), present(seconds[1]), present(seconds[2]));
    }

    private static Long present(long seconds) {
        return seconds == ABSENT ? null : seconds;
    }

    private static long numericDate(JsonParser json, JsonToken value, String name) throws IOException, AuthException {
        if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new AuthException(Reason.MALFORMED, name + " is not an integer NumericDate");
        }
        long seconds = json.getLongValue();
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new AuthException(Reason.MALFORMED, name + " is out of range: " + seconds);
        }
        return seconds;
    }
}

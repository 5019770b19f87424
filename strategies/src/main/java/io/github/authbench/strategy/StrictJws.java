package io.github.authbench.strategy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a compact JWS that hold whatever JWT library verifies it: the shape checked before any crypto (so a
 * forged credential costs little and every signature has exactly one spelling), and what a genuine token may contain,
 * checked after (so a signer that misbehaves, or another service sharing the key, cannot slip in what our tokens never
 * use). Library-independent on purpose: every JWT strategy goes through {@link JwtTokens}, which applies these whatever
 * {@link JwtLibrary} verifies the signature and takes the claims from here, so every library yields the same values.
 */
final class StrictJws {

    /** The only header parameters our tokens carry; zip, crit, b64, kid, jku, x5u and the rest are refused. */
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ");

    /** The claims that are NumericDates (RFC 7519 section 2), ours included. */
    private static final Set<String> DATE_CLAIMS = Set.of("exp", "iat", "nbf", JwtTokens.AUTH_TIME);

    /** 9999-12-31T23:59:59Z: the last second a NumericDate of ours may name, far inside every date type's range. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /**
     * Duplicate member names are refused at every level: two readers must never see two different tokens. The header
     * reader has Jackson find them; the payload reader finds them itself as it builds each object's map, which saves
     * Jackson a second set of names per object on every request.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonFactory PAYLOAD_JSON = JsonFactory.builder().build();

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private StrictJws() {
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
     * Reads a header this server did not write, before any crypto, from its own bytes rather than from what a library
     * makes of them (jjwt drops an empty {@code crit}, and repairs bad UTF-8): valid UTF-8, one JSON object with no
     * repeated member, no parameter but alg and typ, both strings, and alg naming the deployment's one algorithm. Every
     * library then sees only headers like ours.
     *
     * @return the header's {@code typ}, or null when it has none
     */
    static String checkHeader(String headerSegment, String algorithm) throws AuthException {
        byte[] header = decode(headerSegment);
        requireUtf8(header, "header");
        String[] algAndTyp = {null, null};
        readObject(JSON, header, "header", (name, value, json) -> {
            if (!HEADER_PARAMETERS.contains(name)) {
                throw new AuthException(Reason.MALFORMED, "header parameter '" + name + "' is not one our tokens use");
            }
            if (value != JsonToken.VALUE_STRING) {
                throw new AuthException(Reason.MALFORMED, "header parameter '" + name + "' is not a string");
            }
            algAndTyp[name.equals("alg") ? 0 : 1] = json.getText();
        });
        String alg = algAndTyp[0];
        if (alg == null || alg.equalsIgnoreCase("none")) {
            throw new AuthException(Reason.BAD_SIGNATURE, "unsigned JWT (alg " + alg + ")");
        }
        if (!alg.equals(algorithm)) {
            throw new AuthException(Reason.BAD_SIGNATURE,
                    "signed with " + alg + ", this deployment accepts only " + algorithm);
        }
        return algAndTyp[1];
    }

    /**
     * Reads a verified token's payload strictly: valid UTF-8, one JSON object with no repeated member at any depth,
     * its dates integers in range (never a string, a fraction or an overflowing number).
     */
    static VerifiedClaims readPayload(String token) throws AuthException {
        byte[] payload = decode(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.')));
        requireUtf8(payload, "payload");
        Map<String, Object> claims = new LinkedHashMap<>();
        readObject(PAYLOAD_JSON, payload, "payload", (name, value, json) -> putOnce(claims, name,
                DATE_CLAIMS.contains(name) ? numericDate(json, value, name) : value(json, value), json));
        return new VerifiedClaims(claims);
    }

    /** A JSON value as plain Java: a string, long (BigInteger beyond), double, boolean, null, list or map. */
    private static Object value(JsonParser json, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
                return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? json.getBigIntegerValue() : (Object) json.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return json.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                    list.add(value(json, element));
                }
                return list;
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    putOnce(map, name, value(json, json.nextToken()), json);
                }
                return map;
            default:
                throw new JsonParseException(json, "unexpected " + token);
        }
    }

    /** Adds an object's member, refusing a name the object already has (its value may be null). */
    private static void putOnce(Map<String, Object> object, String name, Object value, JsonParser json)
            throws JsonParseException {
        if (object.containsKey(name)) {
            throw new JsonParseException(json, "repeated member " + name);
        }
        object.put(name, value);
    }

    /** What to do with one member of a JSON object, the parser standing on its value. */
    @FunctionalInterface
    private interface MemberReader {
        void read(String name, JsonToken value, JsonParser json) throws IOException, AuthException;
    }

    /**
     * Reads a segment that must be exactly one JSON object, member by member, with nothing after the object. The reader
     * sees each top-level member; what it leaves of the value is skipped afterwards. Repeated members are the factory's
     * or the reader's to refuse.
     */
    private static void readObject(JsonFactory factory, byte[] segment, String what, MemberReader reader)
            throws AuthException {
        try (JsonParser json = factory.createParser(segment)) {
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

    private static Long numericDate(JsonParser json, JsonToken value, String name) throws IOException, AuthException {
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

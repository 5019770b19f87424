package io.github.authbench.strategy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Tokens a misbehaving signer could make with the deployment's own key: any header and payload bytes, signed with the
 * JDK directly, so a test can put into a genuine signature what no JWT library's builder would write.
 */
final class ForgedJws {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private ForgedJws() {
    }

    /** The token re-signed with {@code keys} after {@code header} and {@code payload} changed its JSON members. */
    static String resign(SigningKeys keys, String token, Consumer<Map<String, Object>> header,
            Consumer<Map<String, Object>> payload) {
        Map<String, Object> headerMembers = members(token, 0);
        Map<String, Object> payloadMembers = members(token, 1);
        header.accept(headerMembers);
        payload.accept(payloadMembers);
        return sign(keys, json(headerMembers), json(payloadMembers));
    }

    /** The token re-signed with {@code keys} after {@code payload} changed its claims. */
    static String withClaims(SigningKeys keys, String token, Consumer<Map<String, Object>> payload) {
        return resign(keys, token, header -> { }, payload);
    }

    /** A JWS of exactly these header and payload bytes, genuinely signed with {@code keys}. */
    static String sign(SigningKeys keys, byte[] header, byte[] payload) {
        String input = ENCODER.encodeToString(header) + "." + ENCODER.encodeToString(payload);
        return input + "." + ENCODER.encodeToString(signature(keys, input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** One JSON segment of a token (0 header, 1 payload) as an ordered map. */
    static Map<String, Object> members(String token, int segment) {
        try {
            return JSON.readValue(DECODER.decode(token.split("\\.")[segment]),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpadded base64url, as JWS segments are written. */
    static String base64(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token with its signature's bytes replaced by what {@code change} makes of them. */
    static String withSignatureBytes(String token, java.util.function.UnaryOperator<byte[]> change) {
        int lastDot = token.lastIndexOf('.');
        byte[] signature = DECODER.decode(token.substring(lastDot + 1));
        return token.substring(0, lastDot + 1) + ENCODER.encodeToString(change.apply(signature));
    }

    private static byte[] signature(SigningKeys keys, byte[] input) {
        try {
            return switch (keys.algorithm()) {
                case "HS256", "HS384", "HS512" -> {
                    Mac mac = Mac.getInstance("Hmac" + "SHA" + keys.algorithm().substring(2));
                    mac.init((SecretKey) keys.signingKey());
                    yield mac.doFinal(input);
                }
                case "RS256" -> jca("SHA256withRSA", keys, input, null);
                case "PS256" -> jca("RSASSA-PSS", keys, input,
                        new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                case "ES256" -> jca("SHA256withECDSAinP1363Format", keys, input, null);
                case "EdDSA" -> jca("Ed25519", keys, input, null);
                default -> throw new IllegalArgumentException(keys.algorithm());
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jca(String name, SigningKeys keys, byte[] input, PSSParameterSpec pss)
            throws GeneralSecurityException {
        Signature signer = Signature.getInstance(name);
        if (pss != null) {
            signer.setParameter(pss);
        }
        signer.initSign((PrivateKey) keys.signingKey());
        signer.update(input);
        return signer.sign();
    }
}

package io.github.authbench.strategy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key material of one JWS algorithm: the key that signs and the key that verifies (the same secret for HMAC, a key
 * pair otherwise). Share one instance between strategy instances to make them nodes of one cluster.
 *
 * <p>Keys are generated at the strength jjwt requires for the algorithm: HMAC keys as long as the hash, RSA 2048 bits,
 * P-256 for ES256 and Ed25519 for EdDSA.
 */
public record SigningKeys(String algorithm, Key signingKey, Key verificationKey) {

    /** Algorithm name -> how to generate its keys, in the order reports list them. */
    private static final Map<String, Supplier<SigningKeys>> GENERATORS = new LinkedHashMap<>();

    static {
        GENERATORS.put("HS256", () -> secret("HS256", Jwts.SIG.HS256.key().build()));
        GENERATORS.put("HS384", () -> secret("HS384", Jwts.SIG.HS384.key().build()));
        GENERATORS.put("HS512", () -> secret("HS512", Jwts.SIG.HS512.key().build()));
        GENERATORS.put("RS256", () -> pair("RS256", Jwts.SIG.RS256.keyPair().build()));
        GENERATORS.put("PS256", () -> pair("PS256", Jwts.SIG.PS256.keyPair().build()));
        GENERATORS.put("ES256", () -> pair("ES256", Jwts.SIG.ES256.keyPair().build()));
        GENERATORS.put("EdDSA", () -> pair("EdDSA", ed25519()));
    }

    /** Every supported algorithm, in a stable order. */
    public static final List<String> ALGORITHMS = List.copyOf(GENERATORS.keySet());

    public SigningKeys {
        requireSupported(algorithm);
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(verificationKey, "verificationKey");
    }

    /** Fresh keys for the algorithm, from the JDK's default CSPRNG. */
    public static SigningKeys generate(String algorithm) {
        requireSupported(algorithm);
        return GENERATORS.get(algorithm).get();
    }

    static void requireSupported(String algorithm) {
        if (!GENERATORS.containsKey(algorithm)) {
            throw new IllegalArgumentException("unsupported algorithm '" + algorithm + "', expected one of " + ALGORITHMS);
        }
    }

    /** The jjwt algorithm object for signing and for restricting the parser to it. */
    @SuppressWarnings("unchecked")
    SecureDigestAlgorithm<Key, Key> jwsAlgorithm() {
        return (SecureDigestAlgorithm<Key, Key>) Jwts.SIG.get().forKey(algorithm);
    }

    /**
     * The length of every signature of this algorithm and key, in bytes: the hash for HMAC, the modulus for RSA, R and
     * S side by side for ECDSA (RFC 7518 3.4), 64 for Ed25519 and 114 for Ed448 (RFC 8037).
     */
    int signatureBytes() {
        return switch (algorithm) {
            case "HS256" -> 32;
            case "HS384" -> 48;
            case "HS512" -> 64;
            case "ES256" -> 64;
            case "RS256", "PS256" -> (((RSAKey) verificationKey).getModulus().bitLength() + 7) / 8;
            case "EdDSA" -> "Ed448".equalsIgnoreCase(((EdECKey) verificationKey).getParams().getName()) ? 114 : 64;
            default -> throw new IllegalStateException("no signature length known for " + algorithm);
        };
    }

    private static SigningKeys secret(String algorithm, Key key) {
        return new SigningKeys(algorithm, key, key);
    }

    private static SigningKeys pair(String algorithm, KeyPair pair) {
        return new SigningKeys(algorithm, pair.getPrivate(), pair.getPublic());
    }

    /** jjwt's "EdDSA" accepts Ed25519 and Ed448 keys; the JDK generator pins the curve to Ed25519. */
    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }
}

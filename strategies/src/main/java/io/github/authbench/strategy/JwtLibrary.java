package io.github.authbench.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The JWT libraries a strategy can sign and verify with: the library axis of the matrix. Each is used the way its own
 * documentation recommends, behind {@link JwtCodec}; what a library does not support is refused when a strategy is
 * configured, never measured as something else.
 */
public enum JwtLibrary {
    /** io.jsonwebtoken jjwt: the default. */
    JJWT("jjwt", SigningKeys.ALGORITHMS, JjwtCodec::new),
    /** Connect2id nimbus-jose-jwt; EdDSA through Tink, as its documentation requires. */
    NIMBUS("nimbus", SigningKeys.ALGORITHMS, NimbusCodec::new),
    /** auth0 java-jwt: no EdDSA and no RSASSA-PSS. */
    JAVA_JWT("java-jwt", List.of("HS256", "HS384", "HS512", "RS256", "ES256"), JavaJwtCodec::new);

    /** How a library's codec is made for one deployment's keys, issuer and audience. */
    @FunctionalInterface
    interface CodecFactory {
        JwtCodec create(SigningKeys keys, String issuer, String audience);
    }

    private final String id;
    private final List<String> algorithms;
    private final CodecFactory factory;

    JwtLibrary(String id, List<String> algorithms, CodecFactory factory) {
        this.id = id;
        this.algorithms = algorithms;
        this.factory = factory;
    }

    /** The stable id reports and the command line use, e.g. {@code "java-jwt"}. */
    public String id() {
        return id;
    }

    /** Whether this library signs and verifies the algorithm. */
    public boolean supports(String algorithm) {
        return algorithms.contains(algorithm);
    }

    /** The algorithms of {@link SigningKeys#ALGORITHMS} this library supports, in the same order. */
    public List<String> algorithms() {
        return SigningKeys.ALGORITHMS.stream().filter(algorithms::contains).toList();
    }

    /** A codec for these keys, issuer and audience. */
    public JwtCodec codec(SigningKeys keys, String issuer, String audience) {
        Objects.requireNonNull(keys, "keys");
        requireSupported(keys.algorithm());
        return factory.create(keys, Objects.requireNonNull(issuer, "issuer"), Objects.requireNonNull(audience, "audience"));
    }

    void requireSupported(String algorithm) {
        if (!supports(algorithm)) {
            throw new IllegalArgumentException(id + " does not support " + algorithm + "; it supports " + algorithms());
        }
    }

    /** The library with this id. */
    public static JwtLibrary of(String id) {
        for (JwtLibrary library : values()) {
            if (library.id.equals(id)) {
                return library;
            }
        }
        throw new IllegalArgumentException("unknown JWT library '" + id + "', expected one of " + ids());
    }

    /** Every library's id, in catalogue order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(JwtLibrary::id).toList();
    }
}

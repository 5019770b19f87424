package io.github.authbench.strategy;

import java.util.Map;

/**
 * What a JWT library does for a strategy, and no more: sign claims under a header of {@code typ} and {@code alg} with
 * the deployment's one key, and verify a token the way the library's own documentation recommends (a verifier built
 * once for that key and algorithm, the issuer and audience required). Dates are never judged here: {@link JwtTokens}
 * judges every time rule once, from the token's own bytes, so two libraries never disagree about when a token expires.
 * Instances are immutable and thread-safe.
 */
public interface JwtCodec {

    /**
     * The compact JWS of these claims, under a header of exactly {@code typ} and {@code alg}.
     *
     * @param claims JSON values only: strings, longs, lists of strings and maps of strings, in the order to write them
     */
    String sign(String type, Map<String, Object> claims);

    /**
     * Whether the library accepts the token: signed by the one key with the one algorithm, issued by our issuer for
     * our audience.
     *
     * @throws AuthException {@link Reason#BAD_SIGNATURE} when the signature or algorithm is not ours,
     *     {@link Reason#WRONG_TYPE} when the signature holds but the issuer or audience is another's, and
     *     {@link Reason#MALFORMED} when the library cannot read the token
     */
    void verify(String token) throws AuthException;
}

package io.github.authbench.strategy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * nimbus-jose-jwt 10: {@code SignedJWT.parse}, then {@code verify} with a verifier built once for the deployment's key
 * (after checking the header names our one algorithm: a verifier accepts its whole family), then a
 * {@code DefaultJWTClaimsVerifier} requiring the issuer and audience. Ed25519 goes through Tink, as nimbus requires.
 */
final class NimbusCodec implements JwtCodec {

    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

    NimbusCodec(SigningKeys keys, String issuer, String audience) {
        this.algorithm = JWSAlgorithm.parse(keys.algorithm());
        try {
            if (keys.algorithm().equals("EdDSA")) {
                OctetKeyPair pair = ed25519(keys);
                this.signer = new Ed25519Signer(pair);
                this.verifier = new Ed25519Verifier(pair.toPublicJWK());
            } else {
                this.signer = signer(keys);
                this.verifier = verifier(keys);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("nimbus refuses the " + keys.algorithm() + " keys: " + e.getMessage(), e);
        }
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of());
        this.claimsVerifier.setMaxClockSkew((int) JwtTokens.LIBRARY_SKEW.toSeconds());
    }

    private static JWSSigner signer(SigningKeys keys) throws JOSEException {
        if (keys.signingKey() instanceof SecretKey secret) {
            return new MACSigner(secret);
        }
        if (keys.signingKey() instanceof ECPrivateKey ec) {
            return new ECDSASigner(ec);
        }
        return new RSASSASigner((PrivateKey) keys.signingKey());
    }

    private static JWSVerifier verifier(SigningKeys keys) throws JOSEException {
        if (keys.verificationKey() instanceof SecretKey secret) {
            return new MACVerifier(secret);
        }
        if (keys.verificationKey() instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        return new RSASSAVerifier((RSAPublicKey) keys.verificationKey());
    }

    /** The JDK's Ed25519 keys as the JWK nimbus signs with: x is the last 32 bytes of the X.509 encoding. */
    private static OctetKeyPair ed25519(SigningKeys keys) {
        byte[] encoded = keys.verificationKey().getEncoded();
        byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        byte[] d = ((EdECPrivateKey) keys.signingKey()).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not give its bytes"));
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).build();
    }

    @Override
    public String sign(String type, Map<String, Object> claims) {
        JWTClaimsSet.Builder payload = new JWTClaimsSet.Builder();
        claims.forEach(payload::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType(type)).build(),
                payload.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("nimbus could not sign: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    @Override
    public void verify(String token) throws AuthException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED, e.getMessage());
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw new AuthException(Reason.BAD_SIGNATURE, "signed with " + jwt.getHeader().getAlgorithm()
                    + ", this deployment accepts only " + algorithm);
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new AuthException(Reason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (JOSEException | IllegalStateException e) {
            throw new AuthException(Reason.BAD_SIGNATURE, e.getMessage());
        }
        try {
            claimsVerifier.verify(jwt.getJWTClaimsSet(), null);
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED, e.getMessage());
        } catch (BadJWTException genuineButNotOurs) {
            throw new AuthException(Reason.WRONG_TYPE, "genuine signature, but " + genuineButNotOurs.getMessage());
        }
    }
}

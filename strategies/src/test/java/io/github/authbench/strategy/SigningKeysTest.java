package io.github.authbench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** Keys are generated at the strength each algorithm needs (jjwt refuses weaker ones with WeakKeyException). */
class SigningKeysTest {

    @Test
    void hmacKeysAreAsLongAsTheHash() {
        assertThat(SigningKeys.generate("HS256").signingKey().getEncoded()).hasSize(32);
        assertThat(SigningKeys.generate("HS384").signingKey().getEncoded()).hasSize(48);
        assertThat(SigningKeys.generate("HS512").signingKey().getEncoded()).hasSize(64);
    }

    @Test
    void asymmetricKeysHaveTheRequiredSizeAndCurve() {
        assertThat(((RSAPublicKey) SigningKeys.generate("RS256").verificationKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((RSAPublicKey) SigningKeys.generate("PS256").verificationKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((ECPublicKey) SigningKeys.generate("ES256").verificationKey()).getParams().getCurve().getField()
                .getFieldSize()).isEqualTo(256);
        assertThat(((EdECPublicKey) SigningKeys.generate("EdDSA").verificationKey()).getParams().getName())
                .isEqualTo("Ed25519");
    }

    @Test
    void theSigningSideStaysPrivate() {
        for (String algorithm : SigningKeys.ALGORITHMS) {
            SigningKeys keys = SigningKeys.generate(algorithm);
            boolean symmetric = algorithm.startsWith("HS");
            assertThat(keys.signingKey() == keys.verificationKey()).as(algorithm).isEqualTo(symmetric);
        }
    }
}

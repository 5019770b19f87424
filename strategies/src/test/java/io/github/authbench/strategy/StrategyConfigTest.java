package io.github.authbench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults that work, and a clear message for every configuration mistake. */
class StrategyConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        StrategyConfig config = StrategyConfig.builder().build();

        assertThat(config.algorithm()).isEqualTo("HS256");
        assertThat(config.accessTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.refreshTtl()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.keys()).isEmpty();
        assertThat(config.store()).isEmpty();
    }

    @Test
    void everyRegisteredStrategyIsCreatedFromDefaults() {
        assertThat(Strategies.ids()).containsExactly("session", "stateless-jwt", "stateful-jwt", "sliding-session",
                "sliding-jwt", "access-refresh", "jwt-denylist");
        for (String id : Strategies.ids()) {
            try (AuthStrategy strategy = Strategies.create(id, StrategyConfig.builder().build())) {
                assertThat(strategy.id()).isEqualTo(id);
            }
        }
    }

    @Test
    void anUnknownStrategyNamesTheKnownOnes() {
        assertThatThrownBy(() -> Strategies.create("cookie-monster", StrategyConfig.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cookie-monster")
                .hasMessageContaining("stateless-jwt");
    }

    @Test
    void anUnsupportedAlgorithmNamesTheSupportedOnes() {
        assertThatThrownBy(() -> StrategyConfig.builder().algorithm("none").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'none'")
                .hasMessageContaining("EdDSA");
    }

    @Test
    void keysMustMatchTheAlgorithm() {
        assertThatThrownBy(() -> StrategyConfig.builder().keys(TestKeys.of("HS256")).algorithm("ES256").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HS256")
                .hasMessageContaining("ES256");
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> StrategyConfig.builder().accessTtl(Duration.ZERO))
                .hasMessageContaining("accessTtl");
        assertThatThrownBy(() -> StrategyConfig.builder().idleTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> StrategyConfig.builder().clockSkew(Duration.ofSeconds(-1)))
                .hasMessageContaining("clockSkew");
    }

    @Test
    void toBuilderDerivesAVariant() {
        StrategyConfig base = StrategyConfig.builder().accessTtl(Duration.ofMinutes(3)).build();

        StrategyConfig variant = base.toBuilder().algorithm("ES256").build();

        assertThat(variant.accessTtl()).isEqualTo(Duration.ofMinutes(3));
        assertThat(variant.algorithm()).isEqualTo("ES256");
        assertThat(base.algorithm()).isEqualTo("HS256");
    }
}

package io.github.authbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authbench.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaffeineSessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore(MutableClock clock) {
        return new CaffeineSessionStore(clock, CaffeineSessionStore.DEFAULT_MAXIMUM_SIZE, RETENTION);
    }

    @Test
    void theBoundHoldsUnderAFloodOfEntries() {
        try (CaffeineSessionStore bounded = new CaffeineSessionStore(clock, 100, RETENTION)) {
            for (int i = 0; i < 10_000; i++) {
                Instant expiresAt = clock.instant().plusSeconds(60);
                bounded.put("k" + i, bytes("v"), expiresAt, new IndexedUnder("flood", expiresAt));
            }
            int kept = 0;
            for (int i = 0; i < 10_000; i++) {
                kept += bounded.get("k" + i) == null ? 0 : 1;
            }
            assertThat(kept).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void refusesANegativeRetention() {
        assertThatThrownBy(() -> new CaffeineSessionStore(clock, 10, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }
}

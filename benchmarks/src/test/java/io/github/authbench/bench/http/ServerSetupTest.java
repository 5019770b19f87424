package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.StrategyKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a server says of itself on {@code /info} is what {@code http --target} loads it as, and nothing else. */
class ServerSetupTest {

    private static final ServerSetup SETUP = new ServerSetup(StrategyKind.ACCESS_REFRESH, "ES256", "nimbus",
            StoreKind.REDIS, Payload.LARGE, CredentialTransport.BEARER);

    @Test
    void infoReadsBackAsTheSameSetup() {
        assertThat(ServerSetup.fromInfo(SETUP.info())).isEqualTo(SETUP);
        assertThat(SETUP.info().keySet()).containsExactly("strategy", "algorithm", "library", "store", "payload",
                "transport");
    }

    @Test
    void anInfoThatDescribesNoSetupIsRefusedWithAnIllegalArgument() {
        for (Map.Entry<String, Object> hostile : List.of(Map.entry("strategy", (Object) "root-access"),
                Map.entry("transport", (Object) "CARRIER_PIGEON"), Map.entry("store", (Object) 42),
                Map.entry("payload", (Object) List.of("TYPICAL")))) {
            Map<String, Object> info = new HashMap<>(SETUP.info());
            info.put(hostile.getKey(), hostile.getValue());
            assertThatThrownBy(() -> ServerSetup.fromInfo(info)).as("%s", hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Map<String, Object> missing = new HashMap<>(SETUP.info());
        missing.remove("algorithm");
        assertThatThrownBy(() -> ServerSetup.fromInfo(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no algorithm");
    }
}

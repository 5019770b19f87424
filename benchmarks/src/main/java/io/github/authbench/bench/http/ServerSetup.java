package io.github.authbench.bench.http;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.StrategyKind;
import java.util.List;
import java.util.Objects;

/**
 * What one server serves: a strategy of the benchmark matrix (algorithm, JWT library, store) with the principals of one
 * payload size, its credentials travelling by one transport.
 */
public record ServerSetup(StrategyKind strategy, String algorithm, String library, StoreKind store, Payload payload,
        CredentialTransport transport) {

    public ServerSetup {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(transport, "transport");
    }

    /** The {@code serve} options that start a server with this setup in another process. */
    public List<String> serveArguments() {
        return List.of("--strategy", strategy.id(), "--algorithm", algorithm, "--library", library,
                "--store", store.name(), "--payload", payload.name(), "--transport", transport.name());
    }

    /** One line for logs and reports, e.g. {@code session HS256 jjwt CAFFEINE TYPICAL COOKIE}. */
    public String describe() {
        return String.join(" ", strategy.id(), algorithm, library, store.name(), payload.name(), transport.name());
    }
}

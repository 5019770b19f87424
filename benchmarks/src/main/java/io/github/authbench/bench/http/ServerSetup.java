package io.github.authbench.bench.http;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.strategy.StrategyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What {@code GET /info} says of this setup; {@link #fromInfo} reads it back. */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("strategy", strategy.id());
        info.put("algorithm", algorithm);
        info.put("library", library);
        info.put("store", store.name());
        info.put("payload", payload.name());
        info.put("transport", transport.name());
        return info;
    }

    /**
     * The setup a server's {@code /info} describes.
     *
     * @throws IllegalArgumentException if it describes none: a field missing, not text, or not a value of its kind
     */
    public static ServerSetup fromInfo(Map<String, ?> info) {
        return new ServerSetup(StrategyKind.of(text(info, "strategy")), text(info, "algorithm"), text(info, "library"),
                StoreKind.valueOf(text(info, "store")), Payload.valueOf(text(info, "payload")),
                CredentialTransport.valueOf(text(info, "transport")));
    }

    private static String text(Map<String, ?> info, String field) {
        if (info.get(field) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("no " + field);
    }

    /** One line for logs and reports, e.g. {@code session HS256 jjwt CAFFEINE TYPICAL COOKIE}. */
    public String describe() {
        return String.join(" ", strategy.id(), algorithm, library, store.name(), payload.name(), transport.name());
    }
}

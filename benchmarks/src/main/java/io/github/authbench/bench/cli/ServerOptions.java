package io.github.authbench.bench.cli;

import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.bench.http.CredentialTransport;
import io.github.authbench.bench.http.ServerSetup;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.strategy.StrategyKind;
import picocli.CommandLine.Option;

/** What a server serves besides the strategy, shared by {@code serve} and {@code http}; defaults work. */
final class ServerOptions {

    @Option(names = "--algorithm", defaultValue = "HS256", description = "JWS algorithm: HS256 (default), RS256, ES256, EdDSA")
    String algorithm;

    @Option(names = "--library", defaultValue = "jjwt", description = "JWT library: jjwt (default), nimbus, java-jwt")
    String library;

    @Option(names = "--store", defaultValue = "caffeine",
            description = "caffeine (embedded, default) or redis (REDIS_URL, else a local redis-server)")
    String store;

    @Option(names = "--payload", defaultValue = "typical", description = "small, typical (default) or large principals")
    String payload;

    @Option(names = "--transport", defaultValue = "cookie",
            description = "cookie (HttpOnly; Secure; SameSite=Strict, default) or bearer (Authorization: Bearer)")
    String transport;

    StoreKind storeKind() {
        return RunCommand.parse(StoreKind.class, store, "--store");
    }

    /** The setup for one strategy, every option checked: a mistake is a one-line {@link UsageException}. */
    ServerSetup setup(StrategyKind strategy) {
        return setup(strategy, this.algorithm);
    }

    /** The setup for one strategy on an algorithm of its own. */
    ServerSetup setup(StrategyKind strategy, String algorithm) {
        if (!SigningKeys.ALGORITHMS.contains(algorithm)) {
            throw new UsageException("--algorithm must be one of " + SigningKeys.ALGORITHMS + ", not '" + algorithm + "'");
        }
        if (!JwtLibrary.ids().contains(library)) {
            throw new UsageException("--library must be one of " + JwtLibrary.ids() + ", not '" + library + "'");
        }
        if (!JwtLibrary.of(library).supports(algorithm)) {
            throw new UsageException("--library " + library + " does not support " + algorithm);
        }
        return new ServerSetup(strategy, algorithm, library, storeKind(),
                RunCommand.parse(Payload.class, payload, "--payload"),
                RunCommand.parse(CredentialTransport.class, transport, "--transport"));
    }

    static StrategyKind strategy(String id) {
        try {
            return StrategyKind.of(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

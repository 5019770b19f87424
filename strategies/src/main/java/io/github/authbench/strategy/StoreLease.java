package io.github.authbench.strategy;

import io.github.authbench.store.CaffeineSessionStore;
import io.github.authbench.store.SessionStore;

/**
 * The store a strategy instance works on: the shared one from its config, which the caller owns and closes, or else a
 * fresh in-process store that this instance owns and closes with itself.
 */
record StoreLease(SessionStore store, boolean owned) implements AutoCloseable {

    static StoreLease of(StrategyConfig config) {
        return config.store()
                .map(shared -> new StoreLease(shared, false))
                .orElseGet(() -> new StoreLease(new CaffeineSessionStore(config.clock()), true));
    }

    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }
}

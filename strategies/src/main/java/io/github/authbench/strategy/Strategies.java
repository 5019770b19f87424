package io.github.authbench.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The registry: the one place that knows every strategy. Tests and benchmarks iterate {@link #ids()}; adding a strategy
 * is one class and one line here.
 */
public final class Strategies {

    private static final Map<String, Function<StrategyConfig, AuthStrategy>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("session",
                c -> new SessionStrategy("session", c, SessionLifetime.fixed(c.accessTtl())));
        FACTORIES.put("stateless-jwt", StatelessJwtStrategy::new);
        FACTORIES.put("stateful-jwt", StatefulJwtStrategy::new);
        FACTORIES.put("sliding-session",
                c -> new SessionStrategy("sliding-session", c, SessionLifetime.sliding(c.idleTimeout(), c.absoluteTimeout())));
        FACTORIES.put("sliding-jwt", SlidingJwtStrategy::new);
        FACTORIES.put("access-refresh", AccessRefreshStrategy::new);
        FACTORIES.put("jwt-denylist", JwtDenylistStrategy::new);
    }

    private static final List<String> IDS = List.copyOf(FACTORIES.keySet());

    private Strategies() {
    }

    /** Every strategy id, in a stable order. */
    public static List<String> ids() {
        return IDS;
    }

    /** A new instance of the strategy; it generates its own keys and store unless the config shares some. */
    public static AuthStrategy create(String id, StrategyConfig config) {
        Objects.requireNonNull(config, "config");
        Function<StrategyConfig, AuthStrategy> factory = FACTORIES.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("unknown strategy '" + id + "', expected one of " + IDS);
        }
        return factory.apply(config);
    }
}

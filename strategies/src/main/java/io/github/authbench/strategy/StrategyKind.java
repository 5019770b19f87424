package io.github.authbench.strategy;

import static io.github.authbench.strategy.CredentialKind.JWT_WITH_CLAIMS;
import static io.github.authbench.strategy.CredentialKind.JWT_WITH_REFERENCE;
import static io.github.authbench.strategy.CredentialKind.OPAQUE_ID;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The catalogue: every strategy the suite compares, with its id, how to create it and what it is by construction. The
 * one place that lists them: tests, benchmarks and the run directory derive their lists from it (by trait where only
 * some apply), so adding a strategy is one class and one constant here.
 */
public enum StrategyKind {
    SESSION("session",
            new StrategyTraits(true, true, false, OPAQUE_ID,
                    "opaque id (256 random bits)", "the session: principal and expiry"),
            c -> new SessionStrategy("session", c, SessionLifetime.fixed(c.accessTtl()))),
    STATELESS_JWT("stateless-jwt",
            new StrategyTraits(false, false, false, JWT_WITH_CLAIMS, "JWT with every claim", "nothing"),
            StatelessJwtStrategy::new),
    STATEFUL_JWT("stateful-jwt",
            new StrategyTraits(true, true, false, JWT_WITH_REFERENCE,
                    "JWT with only a session id", "the session: principal and expiry"),
            StatefulJwtStrategy::new),
    SLIDING_SESSION("sliding-session",
            new StrategyTraits(true, true, false, OPAQUE_ID,
                    "opaque id (256 random bits)", "the session, renewed on use"),
            c -> new SessionStrategy("sliding-session", c,
                    SessionLifetime.sliding(c.idleTimeout(), c.absoluteTimeout()))),
    SLIDING_JWT("sliding-jwt",
            new StrategyTraits(false, false, true, JWT_WITH_CLAIMS,
                    "JWT with every claim, re-issued near expiry", "nothing"),
            SlidingJwtStrategy::new),
    ACCESS_REFRESH("access-refresh",
            new StrategyTraits(true, false, true, JWT_WITH_CLAIMS,
                    "short JWT + opaque refresh token", "a hash per refresh-token family"),
            AccessRefreshStrategy::new),
    JWT_DENYLIST("jwt-denylist",
            new StrategyTraits(true, true, false, JWT_WITH_CLAIMS, "JWT with every claim",
                    "ids of revoked tokens until they expire; a login epoch per subject"),
            JwtDenylistStrategy::new);

    private final String id;
    private final StrategyTraits traits;
    private final Function<StrategyConfig, AuthStrategy> factory;

    StrategyKind(String id, StrategyTraits traits, Function<StrategyConfig, AuthStrategy> factory) {
        this.id = id;
        this.traits = traits;
        this.factory = factory;
    }

    /** The stable id reports and the command line use, e.g. {@code "stateless-jwt"}. */
    public String id() {
        return id;
    }

    public StrategyTraits traits() {
        return traits;
    }

    /** A new instance; it generates its own keys and store unless the config shares some. */
    public AuthStrategy create(StrategyConfig config) {
        return factory.apply(Objects.requireNonNull(config, "config"));
    }

    /** The kind with this id. */
    public static StrategyKind of(String id) {
        for (StrategyKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + id + "', expected one of " + ids(all -> true));
    }

    /** The ids of the kinds whose traits match, in catalogue order. */
    public static List<String> ids(Predicate<StrategyTraits> matching) {
        return Arrays.stream(values()).filter(kind -> matching.test(kind.traits)).map(StrategyKind::id).toList();
    }
}

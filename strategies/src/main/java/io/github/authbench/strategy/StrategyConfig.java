package io.github.authbench.strategy;

import io.github.authbench.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy instance is configured with. Immutable; {@link #builder()} has a working default for every option,
 * so a caller sets only what it cares about.
 *
 * <p>Two instances whose configs share {@link #keys()} and {@link #store()} act as two nodes of one cluster. Without them,
 * each instance generates its own keys and an in-process store of its own.
 */
public final class StrategyConfig {

    /** Credentials longer than this are rejected as {@link Reason#TOO_LARGE} before any decoding (common header limit). */
    public static final int MAX_CREDENTIAL_CHARS = 8192;

    private final Clock clock;
    private final String algorithm;
    private final JwtLibrary library;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Duration clockSkew;
    private final String issuer;
    private final String audience;
    private final SigningKeys keys;
    private final SessionStore store;

    private StrategyConfig(Builder b) {
        this.clock = b.clock;
        this.algorithm = b.algorithm;
        this.library = b.library;
        this.accessTtl = b.accessTtl;
        this.refreshTtl = b.refreshTtl;
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.clockSkew = b.clockSkew;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.keys = b.keys;
        this.store = b.store;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config, to derive a variant (another node, another clock). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The only source of time for tokens, sessions and store expiry, so tests move time without sleeping. */
    public Clock clock() {
        return clock;
    }

    /** The one JWS algorithm tokens are signed with and the only one the parser accepts (RFC 8725 section 3.1). */
    public String algorithm() {
        return algorithm;
    }

    /** The JWT library the JWT strategies sign and verify with; the session strategies use none. */
    public JwtLibrary library() {
        return library;
    }

    /** Lifetime of an access credential, and of a fixed-lifetime session. */
    public Duration accessTtl() {
        return accessTtl;
    }

    /** Lifetime of one refresh token; rotation issues a new one, never past the login's absolute timeout. */
    public Duration refreshTtl() {
        return refreshTtl;
    }

    /** How long a sliding login survives without a request. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The longest any login lives however active its user is (OWASP: 4-8 h); caps sliding renewal and refresh families. */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** Tolerance for clock differences between the issuing node and the verifying node, applied to JWT exp. */
    public Duration clockSkew() {
        return clockSkew;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** Keys shared with other nodes; empty when each instance generates its own. */
    public Optional<SigningKeys> keys() {
        return Optional.ofNullable(keys);
    }

    /** A store shared with other nodes; empty when each instance creates its own in-process store. */
    public Optional<SessionStore> store() {
        return Optional.ofNullable(store);
    }

    /** Builder with defaults for everything: HS256 with jjwt, 15 min access, 60 min refresh, 30 min idle, 8 h absolute, 30 s skew. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String algorithm = "HS256";
        private JwtLibrary library = JwtLibrary.JJWT;
        private Duration accessTtl = Duration.ofMinutes(15);
        private Duration refreshTtl = Duration.ofMinutes(60);
        private Duration idleTimeout = Duration.ofMinutes(30);
        private Duration absoluteTimeout = Duration.ofHours(8);
        private Duration clockSkew = Duration.ofSeconds(30);
        private String issuer = "https://authbench.example";
        private String audience = "authbench-api";
        private SigningKeys keys;
        private SessionStore store;

        private Builder() {
        }

        private Builder(StrategyConfig c) {
            clock = c.clock;
            algorithm = c.algorithm;
            library = c.library;
            accessTtl = c.accessTtl;
            refreshTtl = c.refreshTtl;
            idleTimeout = c.idleTimeout;
            absoluteTimeout = c.absoluteTimeout;
            clockSkew = c.clockSkew;
            issuer = c.issuer;
            audience = c.audience;
            keys = c.keys;
            store = c.store;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder algorithm(String algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        public Builder library(JwtLibrary library) {
            this.library = Objects.requireNonNull(library, "library");
            return this;
        }

        public Builder accessTtl(Duration accessTtl) {
            this.accessTtl = positive(accessTtl, "accessTtl");
            return this;
        }

        public Builder refreshTtl(Duration refreshTtl) {
            this.refreshTtl = positive(refreshTtl, "refreshTtl");
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idleTimeout");
            return this;
        }

        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = positive(absoluteTimeout, "absoluteTimeout");
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
            }
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Keys to share with other nodes; their algorithm becomes this config's algorithm. */
        public Builder keys(SigningKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.algorithm = keys.algorithm();
            return this;
        }

        /** A store to share with other nodes; the caller keeps ownership and closes it. */
        public Builder store(SessionStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public StrategyConfig build() {
            SigningKeys.requireSupported(algorithm);
            library.requireSupported(algorithm);
            if (keys != null && !keys.algorithm().equals(algorithm)) {
                throw new IllegalArgumentException(
                        "keys are for " + keys.algorithm() + " but the algorithm is " + algorithm);
            }
            return new StrategyConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}

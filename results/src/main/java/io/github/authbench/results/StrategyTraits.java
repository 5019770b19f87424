package io.github.authbench.results;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each strategy is by construction (not by measurement): what the client carries and what the server keeps. The
 * report puts these beside the measured numbers in its properties matrix.
 */
public enum StrategyTraits {
    SESSION("session", "opaque id (256 random bits)", "the session: principal and expiry", false),
    STATELESS_JWT("stateless-jwt", "JWT with every claim", "nothing", true),
    STATEFUL_JWT("stateful-jwt", "JWT with only a session id", "the session: principal and expiry", true),
    SLIDING_SESSION("sliding-session", "opaque id (256 random bits)", "the session, renewed on use", false),
    SLIDING_JWT("sliding-jwt", "JWT with every claim, re-issued near expiry", "nothing", true),
    ACCESS_REFRESH("access-refresh", "short JWT + opaque refresh token", "a hash per refresh-token family", true),
    JWT_DENYLIST("jwt-denylist", "JWT with every claim",
            "ids of revoked tokens until they expire; a login epoch per subject", true);

    public final String id;
    public final String credential;
    public final String serverKeeps;
    /** The credential is a signed JWT: every request pays a signature check. */
    public final boolean signed;

    StrategyTraits(String id, String credential, String serverKeeps, boolean signed) {
        this.id = id;
        this.credential = credential;
        this.serverKeeps = serverKeeps;
        this.signed = signed;
    }

    public static Optional<StrategyTraits> of(String id) {
        return Arrays.stream(values()).filter(traits -> traits.id.equals(id)).findFirst();
    }

    /** Claims travel in the token, so a role change reaches requests only when the token is replaced. */
    public boolean carriesClaims() {
        return signed && this != STATEFUL_JWT;
    }
}

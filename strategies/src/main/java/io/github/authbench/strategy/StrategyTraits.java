package io.github.authbench.strategy;

import java.util.Objects;

/**
 * What a strategy is by construction, not by measurement: the facts tests, benchmarks and reports select strategies
 * by, and the words a report uses for them.
 *
 * @param keepsServerState a login leaves state in the store, so the store choice changes the strategy
 * @param logoutRevokesAtOnce logout ends the login's access credential on every node at once
 * @param refreshable {@link AuthStrategy#refresh} exchanges a credential for fresh ones
 * @param credential what the access credential is made of
 * @param clientCarries the report's words for what the client carries
 * @param serverKeeps the report's words for what the server keeps
 */
public record StrategyTraits(boolean keepsServerState, boolean logoutRevokesAtOnce, boolean refreshable,
        CredentialKind credential, String clientCarries, String serverKeeps) {

    public StrategyTraits {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(clientCarries, "clientCarries");
        Objects.requireNonNull(serverKeeps, "serverKeeps");
    }

    /** The access credential is a signed JWT: every request pays a signature check. */
    public boolean signed() {
        return credential != CredentialKind.OPAQUE_ID;
    }

    /** Claims travel in the token, so a role change reaches requests only when the token is replaced. */
    public boolean carriesClaims() {
        return credential == CredentialKind.JWT_WITH_CLAIMS;
    }
}

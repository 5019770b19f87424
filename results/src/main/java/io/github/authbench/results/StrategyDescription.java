package io.github.authbench.results;

/**
 * What one strategy is by construction (not by measurement), as the run that measured it wrote it into
 * {@code strategies.json} from the strategies' own catalogue: the report selects and describes strategies by these.
 *
 * @param id the strategy's id, as in every benchmark's {@code strategy} parameter
 * @param credential {@code OPAQUE_ID}, {@code JWT_WITH_CLAIMS} or {@code JWT_WITH_REFERENCE}
 * @param signed the credential is a signed JWT: every request pays a signature check
 * @param carriesClaims claims travel in the token, so a role change reaches requests only when it is replaced
 */
public record StrategyDescription(String id, String credential, boolean signed, boolean carriesClaims,
        boolean keepsServerState, boolean logoutRevokesAtOnce, boolean refreshable, String clientCarries,
        String serverKeeps) {
}

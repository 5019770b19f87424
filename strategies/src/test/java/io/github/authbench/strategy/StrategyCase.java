package io.github.authbench.strategy;

import java.util.Set;
import java.util.stream.Stream;

/** One cell of the test matrix: a strategy and the algorithm its tokens are signed with. */
record StrategyCase(String id, String algorithm) {

    /** Strategies whose logout ends the login at once on every node sharing the store. */
    private static final Set<String> REVOCABLE = Set.of("session", "stateful-jwt", "sliding-session", "jwt-denylist");

    /** Strategies that keep state in a store: the ones a store choice changes. */
    private static final Set<String> STORE_BACKED =
            Set.of("session", "stateful-jwt", "sliding-session", "access-refresh", "jwt-denylist");

    /** Strategies whose access credential is an opaque session id rather than a JWT. */
    private static final Set<String> OPAQUE = Set.of("session", "sliding-session");

    /** Every strategy crossed with every algorithm. */
    static Stream<StrategyCase> all() {
        return Strategies.ids().stream()
                .flatMap(id -> SigningKeys.ALGORITHMS.stream().map(algorithm -> new StrategyCase(id, algorithm)));
    }

    /** The cases whose access credential is a JWT. */
    static Stream<StrategyCase> jwt() {
        return all().filter(StrategyCase::accessIsJwt);
    }

    /** The cases whose access credential names a server-side session. */
    static Stream<StrategyCase> sessionBacked() {
        return all().filter(c -> !c.accessIsJwt() || c.id().equals("stateful-jwt"));
    }

    /** The cases with nothing to refresh. */
    static Stream<StrategyCase> withoutRefresh() {
        return all().filter(c -> !c.id().equals("sliding-jwt") && !c.id().equals("access-refresh"));
    }

    /**
     * The cases whose credential ends in a base64url character with unused bits, so it has a twin spelling. HS384
     * signatures are 48 bytes, 64 characters with no unused bits: they have none.
     */
    static Stream<StrategyCase> withTwinSpelling() {
        return all().filter(c -> !c.accessIsJwt() || !c.algorithm().equals("HS384"));
    }

    boolean storeBacked() {
        return STORE_BACKED.contains(id);
    }

    boolean logoutRevokesAccess() {
        return REVOCABLE.contains(id);
    }

    boolean accessIsJwt() {
        return !OPAQUE.contains(id);
    }

    /** The {@code typ} of the strategy's access JWT. */
    String tokenType() {
        return id.equals("stateful-jwt") ? JwtTokens.SESSION_TYPE : JwtTokens.ACCESS_TYPE;
    }

    @Override
    public String toString() {
        return id + " " + algorithm;
    }
}

package io.github.authbench.strategy;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One cell of the test matrix: a strategy, the algorithm its tokens are signed with and, for a strategy whose access
 * credential is a JWT, the library that signs and verifies them.
 */
record StrategyCase(StrategyKind kind, String algorithm, JwtLibrary library) {

    StrategyCase(String id, String algorithm) {
        this(StrategyKind.of(id), algorithm, JwtLibrary.JJWT);
    }

    /**
     * Every strategy crossed with every algorithm and, where it signs JWTs, with every library that supports the
     * algorithm: each library must pass every case the strategy does.
     */
    static Stream<StrategyCase> all() {
        return Arrays.stream(StrategyKind.values()).flatMap(kind -> SigningKeys.ALGORITHMS.stream().flatMap(
                algorithm -> libraries(kind, algorithm).map(library -> new StrategyCase(kind, algorithm, library))));
    }

    private static Stream<JwtLibrary> libraries(StrategyKind kind, String algorithm) {
        return kind.traits().signed()
                ? Arrays.stream(JwtLibrary.values()).filter(library -> library.supports(algorithm))
                : Stream.of(JwtLibrary.JJWT);
    }

    /** The cases whose access credential is a JWT. */
    static Stream<StrategyCase> jwt() {
        return all().filter(StrategyCase::accessIsJwt);
    }

    /** The cases whose access credential names a server-side session. */
    static Stream<StrategyCase> sessionBacked() {
        return all().filter(c -> c.kind.traits().credential() != CredentialKind.JWT_WITH_CLAIMS);
    }

    /** The cases with nothing to refresh. */
    static Stream<StrategyCase> withoutRefresh() {
        return all().filter(c -> !c.kind.traits().refreshable());
    }

    /**
     * The cases whose credential ends in a base64url character with unused bits, so it has a twin spelling. HS384
     * signatures are 48 bytes, 64 characters with no unused bits: they have none.
     */
    static Stream<StrategyCase> withTwinSpelling() {
        return all().filter(c -> !c.accessIsJwt() || !c.algorithm().equals("HS384"));
    }

    String id() {
        return kind.id();
    }

    boolean storeBacked() {
        return kind.traits().keepsServerState();
    }

    boolean logoutRevokesAccess() {
        return kind.traits().logoutRevokesAtOnce();
    }

    boolean accessIsJwt() {
        return kind.traits().signed();
    }

    /** The {@code typ} of the strategy's access JWT. */
    String tokenType() {
        return kind.traits().credential() == CredentialKind.JWT_WITH_REFERENCE
                ? JwtTokens.SESSION_TYPE : JwtTokens.ACCESS_TYPE;
    }

    @Override
    public String toString() {
        return id() + " " + algorithm + (accessIsJwt() ? " " + library.id() : "");
    }
}

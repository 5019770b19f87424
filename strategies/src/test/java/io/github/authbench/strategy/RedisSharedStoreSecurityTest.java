package io.github.authbench.strategy;

import java.util.stream.Stream;

/** {@link SharedStoreSecurityTest} on a real Redis, for every strategy with server state: two nodes, two clients. */
class RedisSharedStoreSecurityTest extends SharedStoreSecurityTest {

    @Override
    Cluster cluster(StrategyCase c) {
        return new Cluster(c, new RedisNodeStores());
    }

    static Stream<StrategyCase> cases() {
        return SharedStoreSecurityTest.cases().filter(StrategyCase::storeBacked);
    }

    static Stream<StrategyCase> sessionBackedCases() {
        return SharedStoreSecurityTest.sessionBackedCases().filter(StrategyCase::storeBacked);
    }
}

package io.github.authbench.strategy;

import java.util.stream.Stream;

/** The whole strategy contract again, for every strategy with server state, on a real Redis: two nodes, two clients. */
class RedisStrategyContractTest extends StrategyContractTest {

    @Override
    Cluster cluster(StrategyCase c) {
        return new Cluster(c, new RedisNodeStores());
    }

    static Stream<StrategyCase> cases() {
        return StrategyContractTest.cases().filter(StrategyCase::storeBacked);
    }

    static Stream<StrategyCase> jwtCases() {
        return StrategyContractTest.jwtCases().filter(StrategyCase::storeBacked);
    }

    static Stream<StrategyCase> sessionBackedCases() {
        return StrategyContractTest.sessionBackedCases().filter(StrategyCase::storeBacked);
    }

    static Stream<StrategyCase> casesWithTwinSpelling() {
        return StrategyContractTest.casesWithTwinSpelling().filter(StrategyCase::storeBacked);
    }

    static Stream<StrategyCase> casesWithoutRefresh() {
        return StrategyContractTest.casesWithoutRefresh().filter(StrategyCase::storeBacked);
    }
}

package io.github.authbench.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The axes every strategy benchmark is crossed with: the signing algorithm and the store. Each benchmark class adds
 * its {@code strategy} parameter: every strategy ({@link EveryStrategy}), or the catalogue's subset the operation
 * applies to, by trait ({@link StrategySubsets}; {@code BenchmarkMatrixTest} checks every class's list against it).
 */
@State(Scope.Benchmark)
public abstract class StrategyAxes extends SuiteFork {

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"CAFFEINE", "REDIS"})
    public StoreKind store;
}

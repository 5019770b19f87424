package io.github.authbench.bench;

import org.openjdk.jmh.annotations.Param;

/**
 * The axes crossed with every strategy of the catalogue. JMH takes parameter values from the annotation only, so the
 * list is written out; {@code BenchmarkMatrixTest} fails when it differs from {@link StrategySubsets#ALL}.
 */
public abstract class EveryStrategy extends StrategyAxes {

    @Param({"session", "stateless-jwt", "stateful-jwt", "sliding-session", "sliding-jwt", "access-refresh",
            "jwt-denylist"})
    public String strategy;
}

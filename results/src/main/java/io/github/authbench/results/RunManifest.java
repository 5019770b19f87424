package io.github.authbench.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run's own description ({@code run.json}): schema version, profile, stores, parameters, JMH settings, the JDKs the
 * benchmarks forked on ({@code jdkVersion (vmName)} as JMH reports them), times and the environment.
 * {@link #SCHEMA_VERSION} changes whenever a reader of older files would misread newer ones.
 */
public record RunManifest(int schemaVersion, String profile, List<String> stores, String redis,
        Map<String, List<String>> parameters, Map<String, Object> jmh, List<String> extraJmhArguments,
        List<String> jdks, Instant started, Instant finished, Environment environment) {

    /**
     * 2: {@code strategies.json} describes each strategy; 3: the exact measurements are in {@code exact.json}; 4: the
     * benchmarks have a {@code codec} parameter (the JWT library, the default first in {@code parameters}), and a
     * {@code jdk} one when the run measured several JDKs.
     */
    public static final int SCHEMA_VERSION = 4;
}

package io.github.authbench.results;

import java.util.Map;

/** What a run ran on (the {@code environment} of run.json), so its numbers describe themselves. */
public record Environment(String jdkVendor, String jdkVersion, String jvm, String os, String cpu, int cores,
        long memoryBytes, String gitCommit, Map<String, String> libraries) {

    /** One line for a console or a report heading, with the core count every number depends on. */
    public String oneLine() {
        return "JDK " + jdkVersion + " (" + jdkVendor + "), " + cores + " cores, " + cpu + ", " + os;
    }
}

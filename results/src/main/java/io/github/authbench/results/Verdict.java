package io.github.authbench.results;

/** What a comparison concludes about one benchmark or exact measurement. */
public enum Verdict {
    /** No significant difference (benchstat's {@code ~}); for exact values: equal within tolerance. */
    SAME("~"),
    /** Significantly better. */
    BETTER("better"),
    /** Significantly worse, but by less than the threshold: reported, not failed. */
    WORSE("worse"),
    /**
     * Significant by the U test, but no larger than the two runs differ anyway: within {@link Comparison#NOISE_MULTIPLE}
     * times the spread of all benchmarks' changes between these runs, or, for a worsening beyond the threshold, not
     * beyond the threshold and that spread between every baseline fork and every candidate fork.
     */
    WITHIN_NOISE("~ (noise)"),
    /**
     * Significantly worse by more than the threshold and beyond the runs' noise, or an exact value out of its
     * tolerance: fails the gate.
     */
    REGRESSED("REGRESSED"),
    /**
     * Would have regressed, but a side has only one fork, and between forks of the same code a benchmark can move by
     * as much: listed so a person sees it, not failed. Run two or more forks per benchmark (the ci profile) to gate.
     */
    UNCONFIRMED("worse (1 fork)"),
    ONLY_IN_BASELINE("only in baseline"),
    ONLY_IN_CANDIDATE("only in candidate");

    public final String label;

    Verdict(String label) {
        this.label = label;
    }

    public boolean failsGate() {
        return this == REGRESSED;
    }
}

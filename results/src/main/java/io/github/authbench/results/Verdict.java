package io.github.authbench.results;

/** What a comparison concludes about one benchmark or exact measurement. */
public enum Verdict {
    /** The change's interval includes no change (benchstat's {@code ~}); for exact values: equal within tolerance. */
    SAME("~"),
    /** The interval excludes no change, on the better side. */
    BETTER("better"),
    /** The interval excludes no change on the worse side, but the estimate is within the threshold: reported. */
    WORSE("worse"),
    /**
     * The interval excludes no change on the worse side and the estimate is worse than the threshold, or an exact
     * value is out of its tolerance: fails the gate.
     */
    REGRESSED("REGRESSED"),
    /**
     * Worse than the threshold, but with one fork a side nothing shows how much forks of the same code scatter, so
     * there is no interval: listed so a person sees it, not failed. Gate with {@code ./authbench ab}, or with runs of
     * two or more forks per benchmark (the ci profile).
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

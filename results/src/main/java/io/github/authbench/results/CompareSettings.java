package io.github.authbench.results;

/**
 * How strict a comparison is.
 *
 * @param alpha              one minus the confidence of each change's interval (0.05: 95% intervals)
 * @param thresholdPercent   a worsening whose interval excludes no change fails the gate only beyond this (5%)
 * @param allowOtherMachine  compare runs from different CPUs, core counts or JDKs anyway (the numbers then mix
 *                           the code's change with the machine's)
 */
public record CompareSettings(double alpha, double thresholdPercent, boolean allowOtherMachine) {

    public static final CompareSettings DEFAULTS = new CompareSettings(0.05, 5, false);

    public CompareSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        }
        if (!(thresholdPercent >= 0)) {
            throw new IllegalArgumentException("threshold must be a percentage >= 0, not " + thresholdPercent);
        }
    }
}

package io.github.authbench.results;

/** Which way is better for a metric, read from its unit as JMH writes it. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** {@code ns/op}, {@code us/op}, {@code B/op}: costs; {@code ops/s}, {@code ops/ms}: throughput. */
    public static Direction ofUnit(String unit) {
        return unit.startsWith("ops/") ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /** The change from baseline to candidate as a fraction, signed so that a positive value is always worse. */
    public double worsening(double baseline, double candidate) {
        return sign() * (candidate - baseline) / baseline;
    }

    /** ln(candidate / baseline), signed so that a positive value is always worse. */
    public double logWorsening(double baseline, double candidate) {
        return sign() * Math.log(candidate / baseline);
    }

    /** The log worsening of a change given as {@link #worsening}: the same change on the scale of the log. */
    public double logOfWorsening(double worsening) {
        return sign() * Math.log1p(sign() * worsening);
    }

    private int sign() {
        return this == LOWER_IS_BETTER ? 1 : -1;
    }
}

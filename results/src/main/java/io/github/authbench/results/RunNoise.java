package io.github.authbench.results;

/** A spread that outliers do not move. */
final class RunNoise {

    private RunNoise() {
    }

    /** 1.4826 times the median absolute deviation from {@code centre}: a standard deviation that outliers do not move. */
    static double robustSpread(double[] values, double centre) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - centre);
        }
        return 1.4826 * MedianInterval.of(deviations).median();
    }
}

package io.github.authbench.results;

/**
 * One benchmark in both runs (or in one of them): medians with 95% intervals from the raw per-iteration samples, the
 * change of the median in percent (positive = larger number, whatever the direction), the Mann-Whitney U p-value and
 * the verdict. Fields of the missing side are null.
 */
public record TimedChange(String benchmark, String unit, MedianInterval baseline, MedianInterval candidate,
        Double changePercent, Double pValue, Verdict verdict) {
}

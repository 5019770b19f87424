package io.github.authbench.results;

/**
 * One counted (not timed) quantity in both runs: bytes, store calls, windows, allocation per operation. Compared with
 * its own tolerance instead of a statistical test, because it does not vary between runs of the same code.
 */
public record ExactChange(String measurement, String unit, Double baseline, Double candidate, double tolerancePercent,
        Verdict verdict) {
}

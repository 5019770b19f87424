package io.github.authbench.results;

import java.util.List;

/**
 * The verdict policy: which significant changes fail the gate once the runs' noise is known. The README's "Comparing
 * two runs" explains it; the evidence behind the numbers is in {@code docs/measurements.md}.
 */
final class GatePolicy {

    /**
     * How far beyond the runs' common spread a change must be: 5 robust standard deviations, because changes between
     * forks have far heavier tails than a normal distribution (an A/A comparison failed at 4).
     */
    static final double NOISE_MULTIPLE = 5;

    private GatePolicy() {
    }

    /**
     * Significant changes no larger than the runs' noise become {@link Verdict#WITHIN_NOISE}; a regression must clear
     * the noise between every pair of forks, the others by their medians. A regression seen with one fork on a side
     * clears nothing fork by fork: it is {@link Verdict#UNCONFIRMED}.
     */
    static List<TimedChange> beyondNoise(List<TimedChange> timed, double noise, double shotNoise) {
        return timed.stream().map(change -> {
            if (!significant(change.verdict())) {
                return change;
            }
            double spread = change.singleShot() ? shotNoise : noise;
            boolean regression = change.verdict() == Verdict.REGRESSED;
            double size = regression && change.forkGapPercent() != null
                    ? Direction.ofUnit(change.unit()).logOfWorsening(change.forkGapPercent() / 100)
                    : change.logWorsening();
            if (Math.abs(size) <= NOISE_MULTIPLE * spread) {
                return change.withVerdict(Verdict.WITHIN_NOISE);
            }
            return regression && change.forkGapPercent() == null ? change.withVerdict(Verdict.UNCONFIRMED) : change;
        }).toList();
    }

    /** The smallest worsening (a fraction) that can fail the gate against this noise. */
    static double smallestFailingChange(CompareSettings settings, double noise) {
        return Math.max(settings.thresholdPercent() / 100, Math.expm1(NOISE_MULTIPLE * noise));
    }

    private static boolean significant(Verdict verdict) {
        return verdict == Verdict.BETTER || verdict == Verdict.WORSE || verdict == Verdict.REGRESSED;
    }
}

package io.github.authbench.results;

/**
 * One benchmark in both runs (or in one of them): each side's median with its 95% interval from the raw iteration
 * samples (what a person reads), and the change the forks show with its interval (what the verdict is decided on), in
 * percent of the baseline, positive for a larger number whatever the direction. Fields of a missing side are null; the
 * interval is null when no fork scatter could be estimated (one fork a side).
 *
 * @param singleShot whether the benchmark times calls one by one (a shot: logout, revocation, in JMH's sample mode), whose forks
 *                   scatter more than those of benchmarks timed over many calls and are held against their own kind
 */
public record TimedChange(String benchmark, String unit, boolean singleShot, MedianInterval baseline,
        MedianInterval candidate, Double changePercent, Double lowPercent, Double highPercent, Verdict verdict) {

    /**
     * Whether more fork pairs could turn this change's verdict: it looks worse than half the threshold, and its interval
     * reaches from within the threshold to beyond it, so its forks show neither that it stays within the threshold nor
     * that it is beyond it. A change without an interval (one fork a side) is not: more of the same cannot give it one
     * here. {@code ./authbench ab} gives these benchmarks more pairs while its budget lasts.
     */
    public boolean undecided(double thresholdPercent) {
        if (lowPercent == null) {
            return false;
        }
        return worse(changePercent) > thresholdPercent / 2 && leastWorse() < thresholdPercent
                && mostWorse() > thresholdPercent;
    }

    /**
     * How far the estimate lies beyond the threshold, in widths of its interval (negative when within it): ranks
     * undecided changes, the likeliest regression first. A wide interval ranks lower than a narrow one with the same
     * estimate, since one more pair narrows it less.
     */
    public double suspicion(double thresholdPercent) {
        return (worse(changePercent) - thresholdPercent) / (mostWorse() - leastWorse());
    }

    /** A change in percent, signed so that positive is worse. */
    private double worse(double percent) {
        return Direction.ofUnit(unit) == Direction.LOWER_IS_BETTER ? percent : -percent;
    }

    private double leastWorse() {
        return Math.min(worse(lowPercent), worse(highPercent));
    }

    private double mostWorse() {
        return Math.max(worse(lowPercent), worse(highPercent));
    }
}

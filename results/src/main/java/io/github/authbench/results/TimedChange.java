package io.github.authbench.results;

/**
 * One benchmark in both runs (or in one of them): medians with 95% intervals from the raw per-iteration samples, the
 * change of the median in percent (positive = larger number, whatever the direction), the Mann-Whitney U p-value and
 * the verdict. Fields of the missing side are null.
 *
 * @param singleShot     whether the benchmark times single calls (JMH's single-shot mode: logout, revocation), whose
 *                       runs scatter more than those of benchmarks timed over many calls
 * @param forkGapPercent how much worse the candidate's best fork is than the baseline's worst fork, comparing each
 *                       fork's median (percent; negative when the forks of the two runs overlap): a regression must
 *                       hold for every pair of forks, not only for the pooled samples. Null when a side has one fork.
 */
public record TimedChange(String benchmark, String unit, boolean singleShot, MedianInterval baseline,
        MedianInterval candidate, Double changePercent, Double pValue, Double forkGapPercent, Verdict verdict) {

    /** ln(candidate / baseline) of the medians, positive when worse. */
    double logWorsening() {
        return Direction.ofUnit(unit).logWorsening(baseline.median(), candidate.median());
    }

    TimedChange withVerdict(Verdict verdict) {
        return new TimedChange(benchmark, unit, singleShot, baseline, candidate, changePercent, pValue, forkGapPercent,
                verdict);
    }
}

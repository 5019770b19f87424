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
}

package io.github.authbench.results;

/**
 * What a run with a precision target (the quick and full profiles) made of one timed score: the target, as a share of
 * the score its 99.9% error had to stay under, the forks the refinement loop added to the first pass's to get it
 * there, and the measured iterations moved to warm-up because their fork was not yet steady. The runner writes it
 * into the score's JMH entry, under {@code "authbench"}.
 */
public record PrecisionTarget(double target, int addedForks, int warmupIterationsCut) {

    public enum Status {
        /** Within the target after the first pass. */
        MET,
        /** Within the target after more forks. */
        REFINED,
        /** Over the target when the rounds or the time budget ran out. */
        IMPRECISE
    }

    public Status status(Metric metric) {
        if (metric.relativeError() > target) {
            return Status.IMPRECISE;
        }
        return addedForks == 0 ? Status.MET : Status.REFINED;
    }
}

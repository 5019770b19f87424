package io.github.authbench.bench.cli;

import io.github.authbench.results.CompareSettings;
import java.time.Instant;

/**
 * How many fork pairs {@code ./authbench ab} gives a benchmark: {@code each} to every one, then one more at a time to
 * those whose verdict more pairs could still turn ({@link io.github.authbench.results.TimedChange#undecided}), up to
 * {@code most}, while a pair still fits before the deadline. Most benchmarks of a change are decided by the first
 * pairs; the time goes to the few where a regression may hide, as a profile's refinement spends its budget on the
 * imprecise scores.
 *
 * @param each     pairs every benchmark gets (at least 2: one pair shows no scatter)
 * @param most     pairs an undecided benchmark may get; {@code each} for none more
 * @param deadline when the session should be over: a pair starts only if it is expected to end before it
 * @param gate     the threshold and confidence the verdicts, and so the undecided benchmarks, are judged with
 */
record AbPairs(int each, int most, Instant deadline, CompareSettings gate) {

    AbPairs {
        if (each < 2) {
            throw new UsageException("--pairs must be 2 or more (one pair shows no scatter), not " + each);
        }
        if (most < each) {
            throw new UsageException("--max-pairs must be at least --pairs (" + each + "), not " + most);
        }
    }

    /** Exactly {@code each} pairs a benchmark, none more. */
    static AbPairs fixed(int each, CompareSettings gate) {
        return new AbPairs(each, each, Instant.MAX, gate);
    }

    boolean refines() {
        return most > each;
    }
}

package io.github.authbench.results;

import java.util.Objects;

/**
 * How the forks of two runs relate, which decides how a change is estimated from them.
 * <ul>
 * <li>{@link #INTERLEAVED}: {@code ./authbench ab} ran base and candidate fork by fork, alternately (A B B A ...), so
 * the i-th fork of one side and the i-th of the other shared the same minutes of the machine: a change is the mean of
 * the pairs' changes, and the machine's drift cancels within each pair.
 * <li>{@link #SEPARATE_RUNS}: two runs made at different times: a change is the difference of the sides' mean forks,
 * and how much the machine moved between the runs is part of its interval.
 * </ul>
 */
public enum ComparisonDesign {
    INTERLEAVED("interleaved fork pairs (./authbench ab): each change is the mean of its pairs' changes"),
    SEPARATE_RUNS("two separate runs: each change is between the sides' mean forks, widened by how much the runs "
            + "differ overall");

    /** The key of {@code run.json}'s JMH settings under which both sides of one {@code ab} session name it. */
    public static final String SESSION = "interleavedSession";

    public final String description;

    ComparisonDesign(String description) {
        this.description = description;
    }

    /** Interleaved when both runs name the same {@code ab} session; separate otherwise. */
    static ComparisonDesign of(RunManifest baseline, RunManifest candidate) {
        Object session = baseline.jmh().get(SESSION);
        return session != null && Objects.equals(session, candidate.jmh().get(SESSION)) ? INTERLEAVED : SEPARATE_RUNS;
    }
}

package io.github.authbench.results;

import java.util.Objects;

/**
 * How the forks of two runs relate, which decides how a change is estimated from them.
 * <ul>
 * <li>{@link #TURNS}: {@code ./authbench ab} ran each benchmark's base and candidate forks together, measuring their
 * iterations in turns (base, candidate, candidate, base ...) on one CPU, so each iteration of one side ran within a
 * few hundred milliseconds of the same iteration of the other: a pair's change is the median of its iterations'
 * changes, which leaves out the machine's slow seconds, and a change is the mean of the pairs' changes. Single shots,
 * whose samples JMH keeps without their order, are paired by their forks' medians, as in {@link #INTERLEAVED}.
 * <li>{@link #INTERLEAVED}: {@code ./authbench ab} ran base and candidate fork by fork, alternately (A B B A ...), so
 * the i-th fork of one side and the i-th of the other shared the same minutes of the machine: a change is the mean of
 * the pairs' changes, and the machine's drift cancels within each pair.
 * <li>{@link #SEPARATE_RUNS}: two runs made at different times: a change is the difference of the sides' mean forks,
 * and how much the machine moved between the runs is part of its interval.
 * </ul>
 */
public enum ComparisonDesign {
    TURNS("iterations in turns (./authbench ab): each change is the mean over fork pairs of the median change between "
            + "iterations measured in turn"),
    INTERLEAVED("interleaved fork pairs (./authbench ab): each change is the mean of its pairs' changes"),
    SEPARATE_RUNS("two separate runs: each change is between the sides' mean forks, widened by how much the runs "
            + "differ overall");

    /** The key of {@code run.json}'s JMH settings under which both sides of one {@code ab} session name it. */
    public static final String SESSION = "interleavedSession";
    /** The key of {@code run.json}'s JMH settings that is true when the session's forks measured in turns. */
    public static final String IN_TURNS = "iterationsInTurns";

    public final String description;

    ComparisonDesign(String description) {
        this.description = description;
    }

    /** Paired (in turns or interleaved) when both runs name the same {@code ab} session; separate otherwise. */
    static ComparisonDesign of(RunManifest baseline, RunManifest candidate) {
        Object session = baseline.jmh().get(SESSION);
        if (session == null || !Objects.equals(session, candidate.jmh().get(SESSION))) {
            return SEPARATE_RUNS;
        }
        boolean turns = Boolean.TRUE.equals(baseline.jmh().get(IN_TURNS))
                && Boolean.TRUE.equals(candidate.jmh().get(IN_TURNS));
        return turns ? TURNS : INTERLEAVED;
    }

    /** Whether the two sides' forks come in pairs that shared the machine's minutes. */
    boolean paired() {
        return this != SEPARATE_RUNS;
    }
}

package io.github.authbench.bench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The offered rates a sweep tries: a geometric ladder shared by every target (so rows compare at the same rates), climbed
 * until a rate misses the objective (a miss in the tail twice in a row), then a few geometric bisections between the
 * last rate that met it and the first that did not, which place each target's highest rate at the objective within
 * {@code factor^(1/2^refinements)}.
 *
 * @param first the lowest rate, requests per second
 * @param factor each rung's rate over the one below
 * @param highest no rung above this rate
 * @param refinements bisections after the first miss
 */
public record RateLadder(double first, double factor, double highest, int refinements) {

    public RateLadder {
        if (!(first > 0) || !(factor > 1) || highest < first || refinements < 0) {
            throw new IllegalArgumentException("a ladder needs first > 0, factor > 1, highest >= first, refinements >= 0");
        }
    }

    /** The shared rungs, lowest first. */
    public List<Double> rungs() {
        List<Double> rungs = new ArrayList<>();
        for (double rate = first; rate <= highest * (1 + 1e-9); rate *= factor) {
            rungs.add((double) Math.round(rate));
        }
        return rungs;
    }

    /** Measures one offered rate. */
    @FunctionalInterface
    public interface Measure {
        LoadStep at(double rate) throws InterruptedException;
    }

    /**
     * What a target reached: every step measured (ladder rungs and refinements, in the order run), the highest rate
     * that met the objective (zero when even the first rung missed it) and what stopped the climb above it.
     */
    public record Climb(List<LoadStep> steps, double highestMeeting, Limit limit) {

        public Climb {
            steps = List.copyOf(steps);
            Objects.requireNonNull(limit, "limit");
        }

        /** The true limit lies above the rate reported: the ladder ended, or the driver could not go faster. */
        public boolean atLeast() {
            return limit != Limit.SERVER;
        }
    }

    /** What bounds a target's reported rate from above. */
    public enum Limit {
        /** The next rate tried missed the objective or failed requests. */
        SERVER,
        /** The next rate tried was sent late by the driver, so the server's limit is unknown above the reported rate. */
        DRIVER,
        /** Every rung met the objective. */
        LADDER
    }

    /** Climbs the ladder for one target. */
    public Climb climb(Measure measure, long sloMicros) throws InterruptedException {
        Objects.requireNonNull(measure, "measure");
        List<LoadStep> steps = new ArrayList<>();
        double met = 0;
        double missed = 0;
        LoadStep.Miss why = LoadStep.Miss.NONE;
        for (double rate : rungs()) {
            LoadStep step = twiceIfMissed(measure, rate, sloMicros, steps);
            why = step.miss(sloMicros);
            if (why != LoadStep.Miss.NONE) {
                missed = rate;
                break;
            }
            met = rate;
        }
        if (missed == 0) {
            return new Climb(steps, met, Limit.LADDER);
        }
        double low = met > 0 ? met : missed / factor;
        for (int i = 0; i < refinements; i++) {
            double rate = Math.round(Math.sqrt(low * missed));
            LoadStep step = twiceIfMissed(measure, rate, sloMicros, steps);
            LoadStep.Miss miss = step.miss(sloMicros);
            if (miss == LoadStep.Miss.NONE) {
                low = rate;
                met = rate;
            } else {
                missed = rate;
                why = miss;
            }
        }
        return new Climb(steps, met, why == LoadStep.Miss.DRIVER ? Limit.DRIVER : Limit.SERVER);
    }

    /**
     * Measures a rate, and once more if it missed in the tail: on a shared machine one stolen slice of CPU can push a
     * p99 over the objective, and one stray miss would end the climb. The second measurement decides; both are kept. A
     * rate whose median is over the objective is measured once: half its requests queued, which is the server's
     * capacity, not a stolen slice (and an overloaded rate costs the most to measure, its requests waiting out their
     * timeout).
     */
    private static LoadStep twiceIfMissed(Measure measure, double rate, long sloMicros, List<LoadStep> steps)
            throws InterruptedException {
        LoadStep step = measure.at(rate);
        steps.add(step);
        if (!step.meets(sloMicros) && step.percentileMicros(50) <= sloMicros) {
            step = measure.at(rate);
            steps.add(step);
        }
        return step;
    }
}

package io.github.authbench.bench.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The steps of a phase, counted as they start: how many, how long so far, and the time left at the pace so far. */
final class StepClock {

    private final int total;
    private final Instant started = Instant.now();
    private int done;

    StepClock(int total) {
        this.total = total;
    }

    /** A step starts. */
    void step() {
        done++;
    }

    /** The steps started, this one included. */
    int done() {
        return done;
    }

    /** The steps of the phase (at least those started, should a phase run more than it counted). */
    int total() {
        return Math.max(done, total);
    }

    Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    /** The time the steps left take at the pace of those finished; none before one has finished, or past the count. */
    Optional<Duration> left() {
        if (done <= 1 || done > total) {
            return Optional.empty();
        }
        return Optional.of(elapsed().dividedBy(done - 1).multipliedBy(total - done + 1));
    }

    /** m:ss */
    static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}

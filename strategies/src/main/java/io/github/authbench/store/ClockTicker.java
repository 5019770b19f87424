package io.github.authbench.store;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/** Caffeine time read from a {@link Clock}, so caches expire on the strategies' clock, which tests move by hand. */
final class ClockTicker {

    private ClockTicker() {
    }

    static Ticker of(Clock clock) {
        return () -> nanos(clock.instant());
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}

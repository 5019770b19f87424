package io.github.authbench.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Files a stored entry in a subject's index, so {@link SessionStore#revokeSubject} finds it, until {@code until}: the
 * latest instant the entry can still be live however often it is renewed (a sliding session's absolute cap, a refresh
 * family's end). An index kept only as long as the entry's first expiry loses every login renewed past it.
 *
 * @param subject the index's name: strategies qualify the subject with their kind of credential
 */
public record IndexedUnder(String subject, Instant until) {

    public IndexedUnder {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(until, "until");
    }

    /** The index name of a subject's logins of one kind of credential: revoking one kind leaves the others alone. */
    public static String name(String kind, String subject) {
        return kind + ":" + subject;
    }

    /** How long the store must keep the key indexed: until the cap, and never less than the entry's own expiry. */
    Instant untilAtLeast(Instant expiresAt) {
        return until.isAfter(expiresAt) ? until : expiresAt;
    }
}

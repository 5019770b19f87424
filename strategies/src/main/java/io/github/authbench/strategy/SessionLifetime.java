package io.github.authbench.strategy;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a server-side session lives: until {@code idle} after its last use when it renews, or {@code idle} after
 * login when it does not, and never past {@code absolute} after login (OWASP's absolute timeout).
 */
record SessionLifetime(Duration idle, Duration absolute, boolean renews) {

    /** A session that lives {@code ttl} from login, however it is used. */
    static SessionLifetime fixed(Duration ttl) {
        return new SessionLifetime(ttl, ttl, false);
    }

    /** A session that lives {@code idle} past its last request, and at most {@code absolute} past login. */
    static SessionLifetime sliding(Duration idle, Duration absolute) {
        return new SessionLifetime(idle, absolute, true);
    }

    Instant firstExpiry(Instant loginAt) {
        return min(loginAt.plus(idle), cap(loginAt));
    }

    Instant cap(Instant loginAt) {
        return loginAt.plus(absolute);
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

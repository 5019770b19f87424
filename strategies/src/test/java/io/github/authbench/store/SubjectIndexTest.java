package io.github.authbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedded store's per-subject index: bounded work per login, no forgotten keys kept for ever. */
class SubjectIndexTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * One user logging in 10,000 times with every session still live: the index checks a stored key about twice per
     * login in total, not once per live session per login (50 million checks when it swept on every login).
     */
    @Test
    void manyLiveLoginsOfOneUserCostLinearWorkInTotal() {
        long[] checks = {0};
        SubjectIndex index = new SubjectIndex("k0", T);
        for (int i = 1; i < 10_000; i++) {
            index.add("k" + i, T, key -> {
                checks[0]++;
                return true;
            });
        }
        assertThat(index.keys()).hasSize(10_000);
        assertThat(checks[0]).isLessThan(3 * 10_000);
    }

    @Test
    void keysTheStoreForgotAreSweptOut() {
        Set<String> stored = new HashSet<>();
        SubjectIndex index = new SubjectIndex("k0", T);
        for (int i = 1; i < 1_000; i++) {
            stored.clear();
            stored.add("k" + i);
            index.add("k" + i, T, stored::contains);
        }
        assertThat(index.keys()).hasSizeLessThan(2 * SubjectIndex.SWEEP_FLOOR).contains("k999");
    }

    @Test
    void itLastsAsLongAsItsLongestLivedKey() {
        SubjectIndex index = new SubjectIndex("a", T.plusSeconds(60));
        index.add("b", T.plusSeconds(10), key -> true);
        assertThat(index.until()).isEqualTo(T.plusSeconds(60));
        index.add("c", T.plusSeconds(600), key -> true);
        assertThat(index.until()).isEqualTo(T.plusSeconds(600));
    }
}

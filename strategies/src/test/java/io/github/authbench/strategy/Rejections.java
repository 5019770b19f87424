package io.github.authbench.strategy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a credential is refused with an {@link AuthException} and one of the honest reasons, never anything else. */
final class Rejections {

    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, Reason... honest) {
        assertThatThrownBy(call)
                .isInstanceOf(AuthException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AuthException) e).reason())
                        .as("reason for: %s", e.getMessage())
                        .isIn(Arrays.asList(honest)));
    }
}

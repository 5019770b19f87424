package io.github.authbench.strategy;

import static io.github.authbench.strategy.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store encoding round-trips every kind of value and fails closed on bytes it cannot read. */
class StoredValueTest {

    static final Instant AT = Instant.parse("2026-03-04T05:06:07.123Z");

    @Test
    void everyKindRoundTrips() throws AuthException {
        for (StoredValue value : List.of(
                new StoredValue.Session(AT, StrategyContractTest.ALICE),
                new StoredValue.Revoked(),
                new StoredValue.Refresh(StrategyContractTest.ALICE),
                new StoredValue.Rotated(),
                new StoredValue.Family(),
                new StoredValue.Epoch("epoch-1"))) {
            assertThat(StoredValue.decode(StoredValue.encode(value))).isEqualTo(value);
        }
    }

    @Test
    void principalOrderSurvivesEncoding() throws AuthException {
        StoredValue.Session decoded = (StoredValue.Session) StoredValue.decode(
                StoredValue.encode(new StoredValue.Session(AT, StrategyContractTest.ALICE)));

        assertThat(decoded.principal().roles()).containsExactlyElementsOf(StrategyContractTest.ALICE.roles());
        assertThat(decoded.principal().attributes().keySet())
                .containsExactlyElementsOf(StrategyContractTest.ALICE.attributes().keySet());
    }

    @Test
    void tombstonesAreOneByte() {
        assertThat(StoredValue.encode(new StoredValue.Revoked())).isEqualTo(StoredValue.REVOKED_BYTES).hasSize(1);
        assertThat(StoredValue.encode(new StoredValue.Rotated())).isEqualTo(StoredValue.ROTATED_BYTES).hasSize(1);
    }

    @Test
    void unreadableBytesFailClosedAsUnavailable() {
        byte[] session = StoredValue.encode(new StoredValue.Session(AT, StrategyContractTest.ALICE));
        byte[] truncated = Arrays.copyOf(session, session.length - 3);
        byte[] trailing = Arrays.copyOf(session, session.length + 1);

        assertRejected(() -> StoredValue.decode(new byte[] {99}), Reason.UNAVAILABLE);
        assertRejected(() -> StoredValue.decode(new byte[0]), Reason.UNAVAILABLE);
        assertRejected(() -> StoredValue.decode(truncated), Reason.UNAVAILABLE);
        assertRejected(() -> StoredValue.decode(trailing), Reason.UNAVAILABLE);
    }
}

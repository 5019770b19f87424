package io.github.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authbench.results.ExactMeasurement;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.strategy.StrategyConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exact numbers the reports rest on, checked against what each strategy's design implies. */
class ExactPassTest {

    static final SigningKeys HS256 = SigningKeys.generate("HS256");
    static final StrategyConfig DEFAULTS = StrategyConfig.builder().build();
    /** A stateless token works until exp, and the verifier's allowed clock skew past it. */
    static final long TOKEN_LIFETIME_MILLIS = DEFAULTS.accessTtl().plus(DEFAULTS.clockSkew()).toMillis();

    @Test
    void aSessionIsRefusedTheMomentItIsLoggedOutOnEveryNode() {
        ExactMeasurement session = ExactPass.measure("session", HS256, Payload.TYPICAL, StoreKind.CAFFEINE);

        assertThat(session.logoutWindowSameNodeMillis()).isZero();
        assertThat(session.logoutWindowOtherNodeMillis()).isZero();
        assertThat(session.logoutEverywhereWindowSameNodeMillis()).isZero();
        assertThat(session.logoutEverywhereWindowOtherNodeMillis()).isZero();
    }

    @Test
    void aStatelessTokenWorksForItsWholeLifetimeAfterLogout() {
        ExactMeasurement stateless = ExactPass.measure("stateless-jwt", HS256, Payload.TYPICAL,
                StoreKind.CAFFEINE);

        assertThat(stateless.logoutWindowSameNodeMillis()).isEqualTo(TOKEN_LIFETIME_MILLIS);
        assertThat(stateless.logoutWindowOtherNodeMillis()).isEqualTo(TOKEN_LIFETIME_MILLIS);
        assertThat(stateless.logoutEverywhereWindowOtherNodeMillis()).isEqualTo(TOKEN_LIFETIME_MILLIS);
        assertThat(stateless.serverBytesPerLogin()).isZero();
        assertThat(stateless.storeCallsPerAuthenticate()).isZero();
    }

    @Test
    void accessRefreshLeavesTheAccessTokenWorkingForTheAccessLifetime() {
        ExactMeasurement accessRefresh = ExactPass.measure("access-refresh", HS256, Payload.TYPICAL,
                StoreKind.CAFFEINE);

        assertThat(accessRefresh.logoutWindowOtherNodeMillis()).isEqualTo(TOKEN_LIFETIME_MILLIS);
        assertThat(accessRefresh.storeCallsPerAuthenticate()).isZero();
        assertThat(accessRefresh.storeCallsPerLogin()).as("family and refresh token").isEqualTo(2);
        assertThat(accessRefresh.refreshBytes()).isEqualTo("rt_".length() + 64);
    }

    @Test
    void theDenylistRevokesAtOnceForOneStoreReadPerRequestAndPerLogin() {
        ExactMeasurement denylist = ExactPass.measure("jwt-denylist", HS256, Payload.TYPICAL,
                StoreKind.CAFFEINE);

        assertThat(denylist.logoutWindowOtherNodeMillis()).isZero();
        assertThat(denylist.logoutEverywhereWindowOtherNodeMillis()).isZero();
        assertThat(denylist.storeCallsPerAuthenticate()).isEqualTo(1);
        assertThat(denylist.storeCallsPerLogin()).as("the subject's login epoch").isEqualTo(1);
    }

    @Test
    void wireSizesCountTheHeaderAsSent() {
        ExactMeasurement session = ExactPass.measure("session", HS256, Payload.TYPICAL, StoreKind.CAFFEINE);

        assertThat(session.accessBytes()).isEqualTo(43);
        assertThat(session.authorizationHeaderBytes()).isEqualTo("Authorization: Bearer ".length() + 43);
        assertThat(session.cookieBytes()).isEqualTo(
                "__Host-auth=".length() + 43 + "; Path=/; Secure; HttpOnly; SameSite=Lax".length());
        assertThat(session.fitsCookieLimit()).isTrue();
        assertThat(session.serverBytesPerLogin()).as("the session lives on the server").isGreaterThan(100);
        assertThat(session.storeCallsPerAuthenticate()).isEqualTo(1);
    }

    @Test
    void aLargePayloadMakesABiggerTokenButNotABiggerSessionId() {
        ExactMeasurement small = ExactPass.measure("stateless-jwt", HS256, Payload.SMALL, StoreKind.CAFFEINE);
        ExactMeasurement large = ExactPass.measure("stateless-jwt", HS256, Payload.LARGE, StoreKind.CAFFEINE);
        ExactMeasurement session = ExactPass.measure("session", HS256, Payload.LARGE, StoreKind.CAFFEINE);

        assertThat(large.accessBytes()).isGreaterThan(2 * small.accessBytes());
        assertThat(session.accessBytes()).isEqualTo(43);
    }

    @Test
    void theWindowSearchFindsTheLastAcceptedMillisecond() {
        Duration window = ExposureWindow.measure("sliding-jwt", HS256, StoreKind.CAFFEINE,
                ExposureWindow.Scenario.LOGOUT_SAME_NODE);

        assertThat(window).isEqualTo(DEFAULTS.accessTtl().plus(DEFAULTS.clockSkew()));
    }
}

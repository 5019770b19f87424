package io.github.authbench.results;

/**
 * The exact numbers of one strategy, algorithm, payload and store (one entry of a run's {@code exact.json}):
 * no timing, so no error bars. Windows are in milliseconds of the time a credential keeps working after the revocation
 * named.
 */
public record ExactMeasurement(
        String strategy,
        String algorithm,
        String payload,
        String store,
        int accessBytes,
        int authorizationHeaderBytes,
        int cookieHeaderBytes,
        int cookieBytes,
        boolean fitsCookieLimit,
        boolean fitsHeaderLimit,
        Integer refreshBytes,
        long serverBytesPerLogin,
        long storeCallsPerLogin,
        long storeCallsPerAuthenticate,
        long storeCallsPerLogout,
        long logoutWindowSameNodeMillis,
        long logoutWindowOtherNodeMillis,
        long logoutEverywhereWindowSameNodeMillis,
        long logoutEverywhereWindowOtherNodeMillis) {
}

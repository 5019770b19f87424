package io.github.authbench.bench;

import io.github.authbench.results.ExactMeasurement;
import io.github.authbench.results.StrategyDescription;
import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.Credentials;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.strategy.StrategyKind;
import io.github.authbench.strategy.StrategyTraits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything about a strategy that can be counted rather than timed: credential bytes on the wire, server bytes and
 * store calls (round trips on Redis) per login, per request and per logout, and the exposure windows after logout and
 * logout-everywhere on the same and on another node.
 */
public final class ExactPass {

    /** Logins made before measuring memory, so lazily built store structures are not charged to the sample. */
    static final int MEMORY_WARMUP = 2_000;

    /** Logins averaged over for server bytes per login: enough to amortize hash-table growth. */
    static final int MEMORY_SAMPLE = 8_000;

    private ExactPass() {
    }

    /** What each strategy is, from the catalogue, for the run directory: the report describes strategies by it. */
    public static List<StrategyDescription> describe(List<String> strategies) {
        return strategies.stream().map(id -> {
            StrategyKind kind = StrategyKind.of(id);
            StrategyTraits traits = kind.traits();
            return new StrategyDescription(kind.id(), traits.credential().name(), traits.signed(), traits.carriesClaims(),
                    traits.keepsServerState(), traits.logoutRevokesAtOnce(), traits.refreshable(),
                    traits.clientCarries(), traits.serverKeeps());
        }).toList();
    }

    public static List<ExactMeasurement> run(List<String> strategies, List<String> algorithms, List<Payload> payloads,
            List<StoreKind> stores, Consumer<String> progress) {
        List<ExactMeasurement> measurements = new ArrayList<>();
        Map<String, Long> bytesPerLogin = new HashMap<>();
        for (String algorithm : algorithms) {
            SigningKeys keys = SigningKeys.generate(algorithm);
            for (StoreKind store : stores) {
                for (String strategy : strategies) {
                    progress.accept(strategy + " " + algorithm + " " + store);
                    for (Payload payload : payloads) {
                        long bytes = bytesPerLogin.computeIfAbsent(strategy + payload + store,
                                k -> serverBytesPerLogin(strategy, payload, store));
                        measurements.add(measure(strategy, keys, payload, store, bytes));
                    }
                }
            }
        }
        return measurements;
    }

    static ExactMeasurement measure(String strategy, SigningKeys keys, Payload payload, StoreKind store) {
        return measure(strategy, keys, payload, store, serverBytesPerLogin(strategy, payload, store));
    }

    /**
     * What the store holds per live login, over logins issued by the HS256 twin: stored state never contains the
     * token, so it does not depend on the signing algorithm and is measured once per strategy, payload and store.
     */
    static long serverBytesPerLogin(String strategy, Payload payload, StoreKind store) {
        try (Deployment deployment = Deployment.counting(strategy, SigningKeys.generate("HS256"), store)) {
            deployment.issueWithTwin(MEMORY_WARMUP, payload, false);
            long before = deployment.storeMemoryBytes();
            deployment.issueWithTwin(MEMORY_SAMPLE, payload, false);
            return Math.max(0, deployment.storeMemoryBytes() - before) / MEMORY_SAMPLE;
        }
    }

    private static ExactMeasurement measure(String strategy, SigningKeys keys, Payload payload, StoreKind store,
            long serverBytesPerLogin) {
        try (Deployment deployment = Deployment.counting(strategy, keys, store)) {
            AuthStrategy node = deployment.nodeA();

            deployment.callsOfA().reset();
            Credentials credentials = node.login(payload.principal(1));
            long callsPerLogin = deployment.callsOfA().calls();
            deployment.callsOfA().reset();
            node.authenticate(credentials.access());
            long callsPerAuthenticate = deployment.callsOfA().calls();
            deployment.callsOfA().reset();
            node.logout(credentials.access());
            long callsPerLogout = deployment.callsOfA().calls();

            WireSizes sizes = WireSizes.of(credentials);
            return new ExactMeasurement(strategy, keys.algorithm(), payload.name(), store.name(),
                    sizes.accessBytes(), sizes.authorizationHeaderBytes(), sizes.cookieHeaderBytes(),
                    sizes.cookieBytes(), sizes.fitsCookieLimit(), sizes.fitsHeaderLimit(), sizes.refreshBytes(),
                    serverBytesPerLogin, callsPerLogin, callsPerAuthenticate, callsPerLogout,
                    window(strategy, keys, store, ExposureWindow.Scenario.LOGOUT_SAME_NODE),
                    window(strategy, keys, store, ExposureWindow.Scenario.LOGOUT_OTHER_NODE),
                    window(strategy, keys, store, ExposureWindow.Scenario.LOGOUT_EVERYWHERE_SAME_NODE),
                    window(strategy, keys, store, ExposureWindow.Scenario.LOGOUT_EVERYWHERE_OTHER_NODE));
        } catch (AuthException e) {
            throw new IllegalStateException(strategy + " refused its own fresh login: " + e, e);
        }
    }

    private static long window(String strategy, SigningKeys keys, StoreKind store, ExposureWindow.Scenario scenario) {
        return ExposureWindow.measure(strategy, keys, store, scenario).toMillis();
    }
}

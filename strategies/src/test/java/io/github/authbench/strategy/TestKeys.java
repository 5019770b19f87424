package io.github.authbench.strategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One key set per algorithm for the whole test run: RSA key generation would otherwise dominate the run time. */
final class TestKeys {

    private static final Map<String, SigningKeys> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, SigningKeys> OTHER_KEYS = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static SigningKeys of(String algorithm) {
        return KEYS.computeIfAbsent(algorithm, SigningKeys::generate);
    }

    /** Keys of the same algorithm that belong to somebody else: their signatures must not verify. */
    static SigningKeys other(String algorithm) {
        return OTHER_KEYS.computeIfAbsent(algorithm, SigningKeys::generate);
    }
}

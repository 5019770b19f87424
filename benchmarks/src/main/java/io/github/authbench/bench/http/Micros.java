package io.github.authbench.bench.http;

/** Latencies in words a person reads at a glance: {@code 850 us}, {@code 1.24 ms}, {@code 2.1 s}. */
public final class Micros {

    private Micros() {
    }

    public static String format(long micros) {
        if (micros < 1_000) {
            return micros + " us";
        }
        if (micros < 1_000_000) {
            return String.format(java.util.Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.1f ms", micros / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", micros / 1e6);
    }
}

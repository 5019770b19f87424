package io.github.authbench.results;

import java.util.Locale;

/** Numbers as a person reads them: three significant digits and the unit that keeps them small (ns, us, ms; B, KiB). */
public final class Units {

    private static final String[] TIME_UNITS = {"ns", "us", "ms", "s"};

    private Units() {
    }

    /** A value in a JMH unit ({@code ns/op}, {@code us/op}, {@code ops/s}, {@code B/op}) in the best-fitting unit. */
    public static String of(double value, String jmhUnit) {
        if (jmhUnit.startsWith("ops/")) {
            return throughput(value) + " " + jmhUnit;
        }
        if (jmhUnit.equals("B/op")) {
            return bytes(value) + "/op";
        }
        return time(toNanos(value, jmhUnit));
    }

    /** A JMH time unit's value in nanoseconds. */
    public static double toNanos(double value, String jmhUnit) {
        String unit = jmhUnit.endsWith("/op") ? jmhUnit.substring(0, jmhUnit.length() - 3) : jmhUnit;
        return switch (unit) {
            case "ns" -> value;
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "min" -> value * 60e9;
            default -> throw new IllegalArgumentException("not a time unit: " + jmhUnit);
        };
    }

    public static String time(double nanos) {
        int unit = 0;
        double value = nanos;
        while (Math.abs(value) >= 1000 && unit < TIME_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return digits(value) + " " + TIME_UNITS[unit];
    }

    /** An axis tick: like {@link #time} but without trailing zeros ("1 us", not "1.00 us"). */
    public static String timeTick(double nanos) {
        return time(nanos).replaceAll("\\.0+ ", " ").replaceAll("(\\.[0-9]*?)0+ ", "$1 ");
    }

    public static String bytes(double bytes) {
        return Math.abs(bytes) < 1024 ? digits(bytes) + " B" : digits(bytes / 1024) + " KiB";
    }

    /** A window in milliseconds: "0 ms", "250 ms", "15 min 30 s". */
    public static String window(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        String text = seconds >= 60 ? (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s")
                : seconds + " s";
        return millis % 1000 == 0 ? text : text + " " + millis % 1000 + " ms";
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** Text for a terminal, which without UTF-8 would print "?" for "±". */
    public static String forTerminal(String text) {
        return text.replace("±", "+-");
    }

    /** "±4.2%": an error relative to its value. */
    public static String plusMinus(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "±%.1f%%", fraction * 100) : "± n/a";
    }

    private static String throughput(double value) {
        if (value >= 1e6) {
            return digits(value / 1e6) + " M";
        }
        return value >= 1e3 ? digits(value / 1e3) + " k" : digits(value);
    }

    /** Three significant digits, never scientific notation. */
    public static String digits(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 || magnitude == 0 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }
}

package io.github.authbench.bench.http;

import io.github.authbench.results.Xml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Latency by offered rate for one target, as standalone SVG: p50, p99 and p99.9 against the rate on log-log axes, the
 * objective as a dashed line, and /ping's p99 in grey for comparison. Hand-written like the report's bar charts: a few
 * lines, deterministic output, nothing to fetch.
 */
final class LatencyChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 120;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    private static final String[][] SERIES = {{"50", "p50", "#0072B2"}, {"99", "p99", "#D55E00"},
            {"99.9", "p99.9", "#CC79A7"}};

    private LatencyChart() {
    }

    static String svg(TargetResult target, TargetResult ping, long sloMicros) {
        List<LoadStep> steps = sorted(target);
        List<LoadStep> pingSteps = ping == null || ping == target ? List.of() : sorted(ping);
        double minRate = steps.get(0).offeredRate();
        double maxRate = steps.get(steps.size() - 1).offeredRate();
        for (LoadStep s : pingSteps) {
            maxRate = Math.max(maxRate, s.offeredRate());
            minRate = Math.min(minRate, s.offeredRate());
        }
        double low = 10;
        double high = Math.max(sloMicros * 10.0, 1_000);
        for (LoadStep s : steps) {
            high = Math.max(high, s.percentileMicros(99.9));
        }
        Axis x = new Axis(minRate / 1.2, maxRate * 1.2, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(low, high * 1.5, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(Xml.escape(target.name())).append(": latency by offered rate</title>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s: latency by offered rate "
                + "(log-log)</text>%n", LEFT, Xml.escape(target.name())));
        for (double tick = 10; tick <= high * 1.5; tick *= 10) {
            double py = y.at(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT, py, py, LEFT - 5,
                    py + 4, Micros.format((long) tick)));
        }
        for (LoadStep s : steps) {
            double px = x.at(s.offeredRate());
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px,
                    HEIGHT - BOTTOM + 15, rate(s.offeredRate())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered rate, "
                + "requests/s</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8));
        double slo = y.at(sloMicros);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
                + "stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%.1f\">objective %s</text>%n", LEFT, WIDTH - RIGHT, slo,
                slo, WIDTH - RIGHT + 5, slo + 4, Micros.format(sloMicros)));
        if (!pingSteps.isEmpty()) {
            line(svg, pingSteps, x, y, 99, "#999", "ping p99", 4);
        }
        for (int i = 0; i < SERIES.length; i++) {
            line(svg, steps, x, y, Double.parseDouble(SERIES[i][0]), SERIES[i][2], SERIES[i][1], i);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void line(StringBuilder svg, List<LoadStep> steps, Axis x, Axis y, double percentile, String colour,
            String label, int legendRow) {
        List<String> points = new ArrayList<>();
        for (LoadStep s : steps) {
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x.at(s.offeredRate()),
                    y.at(Math.max(10, s.percentileMicros(percentile)))));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                + "%n", colour, String.join(" ", points)));
        int legendY = TOP + 12 + 16 * legendRow;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 5, WIDTH - RIGHT + 25,
                legendY, legendY, colour, WIDTH - RIGHT + 30, legendY + 4, Xml.escape(label)));
    }

    private static List<LoadStep> sorted(TargetResult target) {
        return target.climb().steps().stream().sorted(Comparator.comparingDouble(LoadStep::offeredRate)).toList();
    }

    static String rate(double rate) {
        return rate >= 1_000 ? String.format(Locale.ROOT, "%.3gk", rate / 1_000) : String.format(Locale.ROOT, "%.0f", rate);
    }

    /** A logarithmic axis from {@code min..max} onto pixels {@code from..to}. */
    private record Axis(double min, double max, double from, double to) {
        double at(double value) {
            double share = (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
            return from + share * (to - from);
        }
    }
}

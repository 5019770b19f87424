package io.github.authbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A horizontal grouped bar chart as standalone SVG: one group per strategy, one bar per series (algorithm, payload,
 * scenario), whiskers for error bars, optional reference lines (a floor, the 4096-byte cookie limit) and a log scale
 * for costs that span orders of magnitude.
 *
 * <p>Hand-written rather than a charting library: the charts are a few rectangles and lines, the output must be small,
 * deterministic (diffable between runs), free of scripts and fonts to fetch, and readable both inlined in HTML and as a
 * file beside Markdown; JFreeChart/JFreeSVG would bring AWT and heavier, less accessible SVG for no gain here.
 */
public final class BarChart {

    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000"};

    private static final int WIDTH = 820;
    private static final int LABEL_WIDTH = 140;
    private static final int VALUE_WIDTH = 130;
    private static final int PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
    private static final int BAR = 13;
    private static final int GROUP_GAP = 10;
    private static final int TOP = 58;

    /** One bar; {@code low} and {@code high} are NaN for an exact value. */
    public record Bar(String group, String series, double value, double low, double high, String text) {
    }

    /** A vertical line at {@code value} with a label, e.g. the cookie limit. */
    public record Reference(double value, String label) {
    }

    private final String title;
    private final String axisLabel;
    private final boolean logScale;
    private final DoubleFunction<String> tickFormat;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private double[] fixedTicks;

    public BarChart(String title, String axisLabel, boolean logScale, DoubleFunction<String> tickFormat) {
        this.title = title;
        this.axisLabel = axisLabel;
        this.logScale = logScale;
        this.tickFormat = tickFormat;
    }

    public BarChart bar(String group, String series, double value, double low, double high, String text) {
        bars.add(new Bar(group, series, value, low, high, text));
        return this;
    }

    public BarChart reference(double value, String label) {
        references.add(new Reference(value, label));
        return this;
    }

    /** Ticks at these values of a linear axis, the last one its end (round KiB, round minutes). */
    public BarChart ticks(double... ticks) {
        this.fixedTicks = ticks.clone();
        return this;
    }

    public String title() {
        return title;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public String svg() {
        List<String> groups = bars.stream().map(Bar::group).distinct().toList();
        List<String> series = bars.stream().map(Bar::series).distinct().toList();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, Double.isNaN(bar.high) ? bar.value : bar.high);
            min = Math.min(min, Double.isNaN(bar.low) || bar.low <= 0 ? bar.value : bar.low);
        }
        for (Reference reference : references) {
            max = Math.max(max, reference.value);
            min = Math.min(min, reference.value);
        }
        Scale scale = logScale ? Scale.log(min, max) : fixedTicks != null && fixedTicks[fixedTicks.length - 1] >= max
                ? new Scale(false, 0, fixedTicks[fixedTicks.length - 1]) : Scale.linear(max);
        int groupHeight = series.size() * BAR + GROUP_GAP;
        int plotHeight = groups.size() * groupHeight;
        int height = TOP + plotHeight + 44;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, height, WIDTH, height, Xml.escape(title)));
        svg.append("<title>").append(Xml.escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(10, 20, title, "start", "font-size=\"15\" font-weight=\"bold\""));
        legend(svg, series);

        for (double tick : fixedTicks != null && !logScale && scale.max == fixedTicks[fixedTicks.length - 1]
                ? java.util.Arrays.stream(fixedTicks).boxed().toList() : scale.ticks()) {
            double x = LABEL_WIDTH + scale.position(tick) * PLOT_WIDTH;
            svg.append(line(x, TOP - 4, x, TOP + plotHeight, "#dddddd", ""));
            svg.append(text(x, TOP + plotHeight + 16, tickFormat.apply(tick), "middle", "fill=\"#444444\""));
        }
        svg.append(text(LABEL_WIDTH + PLOT_WIDTH / 2.0, TOP + plotHeight + 34,
                axisLabel + (logScale ? " (log scale)" : ""), "middle", "fill=\"#444444\""));

        for (int g = 0; g < groups.size(); g++) {
            double groupTop = TOP + g * groupHeight;
            svg.append(text(LABEL_WIDTH - 8, groupTop + series.size() * BAR / 2.0 + 4, groups.get(g), "end", ""));
            for (int s = 0; s < series.size(); s++) {
                Bar bar = find(groups.get(g), series.get(s));
                if (bar == null) {
                    continue;
                }
                double y = groupTop + s * BAR;
                double width = Math.max(1, scale.position(bar.value) * PLOT_WIDTH);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"%s\"><title>%s</title></rect>%n", LABEL_WIDTH, y + 1, width, BAR - 2,
                        PALETTE[s % PALETTE.length], Xml.escape(bar.group + ", " + bar.series + ": " + bar.text)));
                if (!Double.isNaN(bar.low)) {
                    double x1 = LABEL_WIDTH + scale.position(Math.max(bar.low, scale.min)) * PLOT_WIDTH;
                    double x2 = LABEL_WIDTH + scale.position(bar.high) * PLOT_WIDTH;
                    double middle = y + BAR / 2.0;
                    svg.append(line(x1, middle, x2, middle, "#222222", ""));
                    svg.append(line(x1, middle - 4, x1, middle + 4, "#222222", ""));
                    svg.append(line(x2, middle - 4, x2, middle + 4, "#222222", ""));
                }
                svg.append(text(LABEL_WIDTH + PLOT_WIDTH + 6, y + BAR - 2, bar.text, "start",
                        "font-size=\"10\" fill=\"#333333\""));
            }
        }
        for (Reference reference : references) {
            double x = LABEL_WIDTH + scale.position(reference.value) * PLOT_WIDTH;
            svg.append(line(x, TOP - 6, x, TOP + plotHeight, "#B00020", "stroke-dasharray=\"5,3\" stroke-width=\"1.5\""));
            svg.append(text(x - 3, TOP - 9, reference.label, "end", "font-size=\"11\" fill=\"#B00020\""));
        }
        svg.append(line(LABEL_WIDTH, TOP - 4, LABEL_WIDTH, TOP + plotHeight, "#444444", ""));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void legend(StringBuilder svg, List<String> series) {
        double x = LABEL_WIDTH;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, PALETTE[s % PALETTE.length]));
            svg.append(text(x + 16, 40, series.get(s), "start", ""));
            x += 30 + 7 * series.get(s).length();
        }
    }

    private Bar find(String group, String series) {
        return bars.stream().filter(b -> b.group.equals(group) && b.series.equals(series)).findFirst().orElse(null);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>%n",
                x1, y1, x2, y2, colour, extra);
    }

    private static String text(double x, double y, String content, String anchor, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y,
                anchor, extra, Xml.escape(content));
    }

    /** Maps values to 0..1 of the plot width. */
    private record Scale(boolean log, double min, double max) {

        static Scale log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-9))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            return new Scale(true, low, high);
        }

        static Scale linear(double max) {
            return new Scale(false, 0, niceCeiling(max));
        }

        double position(double value) {
            if (log) {
                return (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return value / max;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double tick = min; tick <= max * 1.0001; tick *= 10) {
                    ticks.add(tick);
                }
            } else {
                for (int i = 0; i <= 5; i++) {
                    ticks.add(max * i / 5);
                }
            }
            return ticks;
        }

        /** 1, 2 or 5 times a power of ten, at least {@code value}, so five ticks fall on round numbers. */
        private static double niceCeiling(double value) {
            if (value <= 0) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(value)));
            for (double step : new double[] {1, 2, 5, 10}) {
                if (step * power >= value) {
                    return step * power;
                }
            }
            return 10 * power;
        }
    }
}

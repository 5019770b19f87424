package io.github.authbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code ./authbench compare} prints a comparison: a terminal table, Markdown for a pull-request comment, or JSON
 * for a machine. Timed benchmarks are all listed; exact measurements only where they changed (the rest are counted).
 */
public enum ComparisonFormat {
    TEXT, MARKDOWN, JSON;

    public String render(Comparison comparison) {
        return switch (this) {
            case TEXT -> table(comparison, false);
            case MARKDOWN -> table(comparison, true);
            case JSON -> json(comparison);
        };
    }

    private static String table(Comparison c, boolean markdown) {
        StringBuilder out = new StringBuilder();
        String heading = "authbench compare: baseline " + describe(c.baseline()) + " vs candidate "
                + describe(c.candidate());
        out.append(markdown ? "### " + heading : heading).append("\n\n");
        out.append(settingsLine(c)).append("\n");
        out.append(noiseLine(c)).append("\n");
        c.machineDifferences().forEach(d -> out.append("WARNING: different machine: ").append(d).append("\n"));
        out.append("\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "baseline", "candidate", "change", (100 - Math.round(c.settings().alpha()
                * 100)) + "% interval", "verdict"});
        for (TimedChange t : c.timed()) {
            rows.add(new String[] {t.benchmark(), interval(t.baseline(), t.unit()), interval(t.candidate(), t.unit()),
                    t.changePercent() == null ? "" : Units.percent(t.changePercent()),
                    t.lowPercent() == null ? "" : Units.percent(t.lowPercent()) + " .. " + Units.percent(t.highPercent()),
                    t.verdict().label});
        }
        out.append(markdown ? markdownTable(rows) : textTable(rows));
        List<String[]> exactRows = new ArrayList<>();
        exactRows.add(new String[] {"exact measurement", "baseline", "candidate", "tolerance", "verdict"});
        long unchanged = 0;
        for (ExactChange e : c.exact()) {
            if (e.verdict() == Verdict.SAME) {
                unchanged++;
                continue;
            }
            exactRows.add(new String[] {e.measurement(), exact(e.baseline(), e.unit()), exact(e.candidate(), e.unit()),
                    String.format(Locale.ROOT, "%.0f%%", e.tolerancePercent()), e.verdict().label});
        }
        out.append("\n").append(unchanged).append(" exact measurements (bytes, store calls, windows, allocation) "
                + "unchanged within tolerance").append(exactRows.size() > 1 ? "; changed:" : ".").append("\n");
        if (exactRows.size() > 1) {
            out.append("\n").append(markdown ? markdownTable(exactRows) : textTable(exactRows));
        }
        out.append("\n").append(markdown ? "**" + summary(c) + "**" : summary(c)).append("\n");
        String text = out.toString();
        return markdown ? text : Units.forTerminal(text);
    }

    static String settingsLine(Comparison c) {
        return String.format(Locale.ROOT, "%s; medians of each side's iterations with 95%% intervals; the verdict comes "
                        + "from the forks: a worsening fails when its %.0f%% interval excludes no change and it is worse than "
                        + "%s; ~ = the interval includes no change; %d cores (%s)", c.design().description,
                100 * (1 - c.settings().alpha()), Units.percent(c.settings().thresholdPercent()),
                c.candidate().manifest().environment().cores(), c.candidate().manifest().environment().cpu());
    }

    /** What the gate could see in these runs: the smallest worsening a benchmark of typical scatter needs to fail. */
    public static String noiseLine(Comparison c) {
        if (Double.isNaN(c.smallestFailingChange())) {
            return "one fork a side: nothing shows how much forks scatter, so no change has an interval and none can "
                    + "fail (gate with ./authbench ab, or two or more forks a side)";
        }
        String line = "smallest change it can see: " + Units.percent(c.smallestFailingChange() * 100)
                + " (the threshold, or the typical interval's half-width if wider)";
        if (Double.isNaN(c.smallestFailingShotChange())) {
            return line;
        }
        return line + "; shots: " + Units.percent(c.smallestFailingShotChange() * 100);
    }

    /** The last line, which a CI log shows: the verdict and the counts behind it. */
    public static String summary(Comparison c) {
        String counts = c.count(Verdict.REGRESSED) + " regressed, "
                + (c.count(Verdict.UNCONFIRMED) > 0 ? c.count(Verdict.UNCONFIRMED) + " worse beyond the threshold "
                        + "with one fork a side (unconfirmed: no interval), " : "")
                + c.count(Verdict.WORSE) + " worse within threshold, "
                + c.count(Verdict.BETTER) + " better, " + c.count(Verdict.SAME) + " unchanged, "
                + (c.count(Verdict.ONLY_IN_BASELINE) + c.count(Verdict.ONLY_IN_CANDIDATE)) + " on one side only";
        return (c.regressed() ? "REGRESSION: " : "no regression: ") + counts;
    }

    private static String describe(RunDirectory run) {
        RunManifest m = run.manifest();
        String commit = m.environment().gitCommit();
        return run.path() + " (" + m.profile() + ", " + m.started() + ", commit "
                + (commit.length() > 10 ? commit.substring(0, 10) : commit) + ")";
    }

    /** Median and the half-width of its 95% interval; "(range)" when too few samples reach 95%. */
    private static String interval(MedianInterval interval, String unit) {
        return interval == null ? "-" : Units.of(interval.median(), unit) + " "
                + Units.plusMinus(interval.relativeHalfWidth())
                + (interval.confidence() < MedianInterval.LEVEL ? " (range)" : "");
    }

    private static String exact(Double value, String unit) {
        return value == null ? "-" : Units.digits(value) + " " + unit;
    }

    private static String textTable(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i]) : padLeft(row[i], widths[i]);
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append("\n");
        }
        return out.toString();
    }

    /** The first row is the header; every column but the first is right-aligned, as in the text table. */
    private static String markdownTable(List<String[]> rows) {
        boolean[] numeric = new boolean[rows.get(0).length];
        Arrays.fill(numeric, 1, numeric.length, true);
        List<List<String>> body = rows.subList(1, rows.size()).stream().map(List::of).toList();
        return MarkdownRenderer.table(new ReportBlock.Table(List.of(rows.get(0)), body, numeric));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    private static Double finiteOrNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String json(Comparison c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseline", c.baseline().path().toString());
        out.put("candidate", c.candidate().path().toString());
        out.put("settings", c.settings());
        out.put("design", c.design());
        out.put("noise", c.noise());
        out.put("smallestFailingChange", finiteOrNull(c.smallestFailingChange()));
        out.put("shotNoise", c.shotNoise());
        out.put("smallestFailingShotChange", finiteOrNull(c.smallestFailingShotChange()));
        out.put("machineDifferences", c.machineDifferences());
        out.put("regressed", c.regressed());
        out.put("summary", summary(c));
        out.put("timed", c.timed());
        out.put("exact", c.exact());
        try {
            return RunDirectory.JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

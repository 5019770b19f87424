package io.github.authbench.results;

import io.github.authbench.results.ReportBlock.Bullets;
import io.github.authbench.results.ReportBlock.Chart;
import io.github.authbench.results.ReportBlock.Heading;
import io.github.authbench.results.ReportBlock.Paragraph;
import io.github.authbench.results.ReportBlock.Table;
import java.util.List;

/** report.md: GitHub-flavoured Markdown; charts are linked SVG files in {@code charts/} beside it. */
final class MarkdownRenderer {

    static final String CHARTS = "charts";

    private MarkdownRenderer() {
    }

    static String render(List<ReportBlock> blocks) {
        StringBuilder out = new StringBuilder();
        for (ReportBlock block : blocks) {
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> out.append("- ").append(item).append('\n'));
                out.append('\n');
            } else if (block instanceof Table t) {
                out.append(table(t)).append('\n');
            } else if (block instanceof Chart c) {
                out.append("![").append(c.title()).append("](").append(CHARTS).append('/').append(c.fileName())
                        .append(")\n\n");
            }
        }
        return out.toString();
    }

    /** A GitHub-flavoured table; numeric columns right-aligned. */
    static String table(Table table) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", escape(table.header()))).append(" |\n|");
        for (int i = 0; i < table.header().size(); i++) {
            out.append(table.numeric()[i] ? "--:|" : "---|");
        }
        out.append('\n');
        for (List<String> row : table.rows()) {
            out.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
        }
        return out.toString();
    }

    private static List<String> escape(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).toList();
    }
}

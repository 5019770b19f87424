package io.github.authbench.results;

import io.github.authbench.results.ReportBlock.Bullets;
import io.github.authbench.results.ReportBlock.Chart;
import io.github.authbench.results.ReportBlock.Heading;
import io.github.authbench.results.ReportBlock.Paragraph;
import io.github.authbench.results.ReportBlock.Table;
import java.util.List;

/**
 * report.html: one self-contained page, well-formed XML (XHTML syntax, so a test can parse it), inline CSS and SVG,
 * no script and no reference to anything outside the file.
 */
final class HtmlRenderer {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
                   max-width: 1320px; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
            h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.5rem; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 0.76rem; margin: 0.6rem 0 1.2rem; }
            th, td { border: 1px solid #d0d0d0; padding: 0.2rem 0.35rem; vertical-align: top; }
            td:first-child { white-space: nowrap; }
            th { background: #f0f3f7; text-align: left; }
            td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            tr:nth-child(even) td { background: #fafafa; }
            figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
            li { margin-bottom: 0.4rem; }
            """;

    private HtmlRenderer() {
    }

    static String render(List<ReportBlock> blocks) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>authbench report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        for (ReportBlock block : blocks) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append(" id=\"").append(Xml.escape(h.anchor())).append("\">")
                        .append(Xml.escape(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(Xml.escape(p.text())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                out.append("<ul>\n");
                b.items().forEach(item -> out.append("<li>").append(Xml.escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Table t) {
                table(out, t);
            } else if (block instanceof Chart c) {
                out.append("<figure>\n").append(c.svg()).append("</figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, Table table) {
        out.append("<div class=\"scroll\"><table>\n<tr>");
        table.header().forEach(cell -> out.append("<th>").append(Xml.escape(cell)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(table.numeric()[i] ? "<td class=\"n\">" : "<td>").append(Xml.escape(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n");
    }
}

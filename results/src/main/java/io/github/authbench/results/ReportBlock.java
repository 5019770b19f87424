package io.github.authbench.results;

import java.util.List;

/**
 * The content of a report, independent of its format: Markdown and HTML render the same blocks, so the two files can
 * never say different things.
 */
public sealed interface ReportBlock {

    record Heading(int level, String text, String anchor) implements ReportBlock {
    }

    record Paragraph(String text) implements ReportBlock {
    }

    record Bullets(List<String> items) implements ReportBlock {
    }

    /** A table; {@code numeric} marks the columns to right-align. */
    record Table(List<String> header, List<List<String>> rows, boolean[] numeric) implements ReportBlock {
    }

    /** An SVG chart; Markdown links it as {@code fileName} beside the report, HTML inlines it. */
    record Chart(String fileName, String title, String svg) implements ReportBlock {
    }
}

package io.github.authbench.results;

/** Escaping for text placed in HTML or SVG. */
public final class Xml {

    private Xml() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.alidav.dav.props;

/** A property value that is XML content (text escaped, elements with their namespaces), written as is. */
public record XmlFragment(String xml) {
    public static XmlFragment text(String text) {
        return new XmlFragment(escape(text));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

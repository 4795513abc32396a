package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import java.util.Map;
import org.alidav.dav.mount.NameCharacters;

/**
 * Writes String property values as Milton's ToStringValueWriter does (escaping {@code &}, {@code <}
 * and {@code >}), but in one pass instead of three regular expressions per value: in a PROPFIND of
 * 10,000 entries that regex work was the largest single cost of the answer. Characters XML 1.0
 * cannot carry (a {@code displayname} with U+0001, put in the drive by another client) are shown
 * as {@link NameCharacters#visible pictures}, so one such name never makes a folder unreadable.
 */
final class PlainStringValueWriter implements ValueWriter {

    @Override
    public boolean supports(String nsUri, String localName, Class c) {
        return c == String.class;
    }

    @Override
    public void writeValue(XmlWriter writer, String nsUri, String prefix, String localName, Object val, String href, Map<String, String> nsPrefixes) {
        if (val == null) writer.writeProperty(prefix, localName);
        else writer.writeProperty(prefix, localName, escape((String) val));
    }

    static String escape(String value) {
        String s = NameCharacters.visible(value);
        int i = 0;
        while (i < s.length() && s.charAt(i) != '&' && s.charAt(i) != '<' && s.charAt(i) != '>') i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        return value;
    }
}

package org.alidav.log;

/**
 * Makes a value taken from a request safe to put into a log line. A client controls paths, user
 * names and headers; a newline or a terminal escape among them could forge a second log line or
 * rewrite what an operator's terminal shows. Every C0 and C1 control character, DEL and the Unicode
 * line and paragraph separators (U+2028, U+2029) are written as escapes: backslash-n, -r, -t, and
 * backslash-x01 or backslash-u2028 style for the rest; a backslash itself is doubled, so an escape
 * cannot be faked either. Everything else is kept as it is.
 */
public final class LogText {
    private LogText() {
    }

    /** The value as one printable line; {@code null} reads as {@code -}, as in the access log. */
    public static String escape(Object value) {
        if (value == null) return "-";
        String s = value.toString();
        int first = firstToEscape(s);
        if (first < 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) append(out, s.charAt(i));
        return out.toString();
    }

    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (needsEscape(s.charAt(i))) return i;
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\\';
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                else if (needsEscape(c)) out.append(String.format("\\x%02x", (int) c));
                else out.append(c);
            }
        }
    }
}

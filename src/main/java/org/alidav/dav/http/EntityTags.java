package org.alidav.dav.http;

import java.util.ArrayList;
import java.util.List;

/** Entity-tag lists of {@code If-Match}, {@code If-None-Match} and {@code If-Range} (RFC 9110 §8.8.3). */
final class EntityTags {
    private EntityTags() {
    }

    /** The tags of a header, each as sent (with any {@code W/}); {@code *} is returned as itself. */
    static List<String> parse(String header) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == '*') {
                out.add("*");
                i++;
            } else if (c == '"' || header.startsWith("W/\"", i)) {
                int open = header.indexOf('"', i);
                int close = header.indexOf('"', open + 1);
                if (close < 0) break;
                out.add(header.substring(i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    static boolean isWeak(String tag) {
        return tag.startsWith("W/");
    }

    static String opaque(String tag) {
        return isWeak(tag) ? tag.substring(2) : tag;
    }

    /** Strong comparison: both strong and identical. */
    static boolean strongMatch(String a, String b) {
        return !isWeak(a) && !isWeak(b) && a.equals(b);
    }

    /** Weak comparison: identical once any {@code W/} is dropped. */
    static boolean weakMatch(String a, String b) {
        return opaque(a).equals(opaque(b));
    }
}

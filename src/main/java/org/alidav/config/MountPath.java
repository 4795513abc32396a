package org.alidav.config;

import java.util.ArrayList;
import java.util.List;
import org.alidav.option.ValueParser;

/** The {@code mount:} of a storage, reduced to one spelling so that duplicates are found. */
final class MountPath {
    private MountPath() {
    }

    /**
     * {@code "/movies/"} and {@code "//movies"} become {@code "/movies"}; the root stays {@code "/"}.
     * Relative paths and {@code .} or {@code ..} segments are refused: a mount is a plain absolute path.
     */
    static String normalise(Object raw) {
        String text = ValueParser.STRING.parse(raw).trim();
        if (!text.startsWith("/")) throw new IllegalArgumentException("must be an absolute path starting with '/', not '" + text + "'");
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("must not contain a '" + segment + "' segment: '" + text + "'");
            }
            if (!segment.isEmpty()) segments.add(segment);
        }
        return "/" + String.join("/", segments);
    }
}

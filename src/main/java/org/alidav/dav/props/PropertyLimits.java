package org.alidav.dav.props;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * How much dead-property data one resource may hold, so that no client can grow the state database
 * (and every PROPFIND of the resource) without bound. Sizes are UTF-8 bytes; a property's share of the
 * resource total is its name in Clark notation plus its value.
 *
 * @param maxValueBytes    largest value of one property
 * @param maxResourceBytes largest total of one resource's properties
 */
public record PropertyLimits(int maxValueBytes, int maxResourceBytes) {
    public static final PropertyLimits STANDARD = new PropertyLimits(64 * 1024, 1024 * 1024);

    /** What one stored property counts against {@link #maxResourceBytes}. */
    static int size(QName name, String value) {
        return utf8Length(name.toString()) + utf8Length(value);
    }

    /**
     * The set instruction to refuse, if any: the first value over {@link #maxValueBytes}, else, when the
     * resource would end up over {@link #maxResourceBytes}, the set that first took it over.
     *
     * @param stored  sizes of the resource's properties now, by name in Clark notation
     * @param changes sets (non-null value) and removes (null) in document order
     */
    Optional<QName> firstRefused(Map<String, Integer> stored, Map<QName, String> changes) {
        for (Map.Entry<QName, String> c : changes.entrySet()) {
            if (c.getValue() != null && utf8Length(c.getValue()) > maxValueBytes) return Optional.of(c.getKey());
        }
        Map<String, Integer> after = new HashMap<>(stored);
        long total = total(after);
        QName firstOver = null;
        for (Map.Entry<QName, String> c : changes.entrySet()) {
            String key = c.getKey().toString();
            Integer old = c.getValue() == null ? after.remove(key) : after.put(key, size(c.getKey(), c.getValue()));
            total += (c.getValue() == null ? 0 : after.get(key)) - (old == null ? 0 : old);
            if (firstOver == null && c.getValue() != null && total > maxResourceBytes) firstOver = c.getKey();
        }
        return total > maxResourceBytes ? Optional.ofNullable(firstOver) : Optional.empty();
    }

    private static long total(Map<String, Integer> sizes) {
        return sizes.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

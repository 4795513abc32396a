package org.alidav.dav.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.alidav.drive.ByteRange;

/**
 * A {@code Range} header (RFC 9110 §14.2) resolved against a length. Milton gets suffix ranges,
 * unsatisfiable ranges and malformed headers wrong; this is the replacement.
 *
 * <p>Each range served costs an upstream read, so a header cannot multiply the work (the "32 copies of
 * the whole file" attack): overlapping and adjacent ranges are coalesced (RFC 9110 §14.2 allows it),
 * and, as Apache does, the header is ignored (200 with the whole file) when the requested ranges add
 * up to more than the file, or when more than {@code maxRanges} ranges remain after coalescing.
 */
public sealed interface RangeRequest {
    /** The default limit on ranges served as one multipart answer ({@code downloads.max_ranges}). */
    int DEFAULT_MAX_RANGES = 16;

    /** No usable Range header: answer 200 with the whole content. */
    record Whole() implements RangeRequest {
    }

    /** Answer 206 with these ranges: ascending, none overlapping or adjacent to another. */
    record Partial(List<ByteRange> ranges) implements RangeRequest {
        public Partial {
            ranges = List.copyOf(ranges);
        }
    }

    /** Syntactically fine but nothing overlaps the content: answer 416. */
    record Unsatisfiable() implements RangeRequest {
    }

    /**
     * Parses a header value (null for none); a malformed header is ignored, as RFC 9110 allows.
     *
     * @param maxRanges more ranges than this after coalescing and the whole content is sent instead
     */
    static RangeRequest parse(String header, long length, int maxRanges) {
        if (header == null) return new Whole();
        String h = header.trim();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) return new Whole();
        String[] specs = h.substring(eq + 1).split(",", -1);
        List<ByteRange> out = new ArrayList<>();
        boolean any = false;
        for (String raw : specs) {
            String spec = raw.trim();
            if (spec.isEmpty()) continue;
            int dash = spec.indexOf('-');
            if (dash < 0) return new Whole();
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (!digits(a) && !(a.isEmpty() && digits(b))) return new Whole();
            if (!b.isEmpty() && !digits(b)) return new Whole();
            any = true;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix > 0 && length > 0) out.add(new ByteRange(Math.max(0, length - suffix), length - 1));
            } else {
                long first = Long.parseLong(a);
                if (!b.isEmpty() && Long.parseLong(b) < first) return new Whole();
                long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
                if (first < length) out.add(new ByteRange(first, Math.min(last, length - 1)));
            }
        }
        if (!any) return new Whole();
        if (out.isEmpty()) return new Unsatisfiable();
        long requested = 0;
        for (ByteRange r : out) {
            requested += r.length();
            if (requested > length) return new Whole();
        }
        List<ByteRange> coalesced = coalesce(out);
        return coalesced.size() > maxRanges ? new Whole() : new Partial(coalesced);
    }

    /** Sorts the ranges and merges those that overlap or touch, so no byte is read or sent twice. */
    private static List<ByteRange> coalesce(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> out = new ArrayList<>();
        ByteRange current = sorted.get(0);
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return out;
    }

    /** Up to 18 digits: anything longer is not a length this server has, and would overflow a long. */
    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}

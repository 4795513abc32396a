package org.alidav.sandbox;

/** A single HTTP byte range resolved against a size. */
record ByteRange(long start, long endInclusive) {

    long length() {
        return endInclusive - start + 1;
    }

    /** Thrown for a syntactically valid range that lies outside the content (416). */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * Parses {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Returns null for an absent,
     * malformed or multi-range header — object stores then send the whole content with 200.
     */
    static ByteRange parse(String header, long size) throws Unsatisfiable {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(a);
            if (start >= size) {
                throw new Unsatisfiable();
            }
            long end = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (start < 0 || end < start) {
                return null;
            }
            return new ByteRange(start, Math.min(end, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

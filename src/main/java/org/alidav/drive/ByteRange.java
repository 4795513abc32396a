package org.alidav.drive;

/**
 * A resolved byte range of a file of known length: {@code first} to {@code last} inclusive.
 */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first - 1) throw new IllegalArgumentException("range " + first + "-" + last);
    }

    public static ByteRange whole(long size) {
        return new ByteRange(0, size - 1);
    }

    public long length() {
        return last - first + 1;
    }
}

package org.alidav.dav.lock;

/** RFC 4918 §9.10.3: a lock is either on one resource or on a collection and everything below it. */
public enum LockDepth {
    ZERO("0"), INFINITY("infinity");

    private final String headerValue;

    LockDepth(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value as written in a Depth header and in {@code DAV:depth}. */
    public String headerValue() {
        return headerValue;
    }
}

package org.alidav.drive;

/** Space of a storage in bytes (RFC 4331 quota properties). */
public record Quota(long used, long total) {
    public long available() {
        return Math.max(0, total - used);
    }
}

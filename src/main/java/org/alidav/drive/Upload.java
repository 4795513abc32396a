package org.alidav.drive;

import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * A file body on its way into a driver. The body is read once, front to back; a driver that needs
 * it twice spools it itself.
 *
 * @param body     the content; the driver reads it to the end but does not close it
 * @param size     the exact length in bytes, or {@link #UNKNOWN_SIZE}
 * @param modified the client's modification time, or null for "now"
 * @param sha1     a lowercase hex SHA-1 the client claims for the content, or null
 * @param existing the file this upload replaces, or null when the name is free
 */
public record Upload(InputStream body, long size, Instant modified, String sha1, Entry existing) {
    public static final long UNKNOWN_SIZE = -1;

    public Upload {
        Objects.requireNonNull(body, "body");
        if (size < UNKNOWN_SIZE) throw new IllegalArgumentException("size " + size);
        if (sha1 != null) sha1 = sha1.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean sizeKnown() {
        return size != UNKNOWN_SIZE;
    }
}

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
 * @param probe    reads bytes of the content without the body (a copy's source), or null; given with
 *                 {@code sha1}, which then comes from the source's storage
 */
public record Upload(InputStream body, long size, Instant modified, String sha1, Entry existing, ContentProbe probe) {
    public static final long UNKNOWN_SIZE = -1;

    /** An upload whose content can only be read through its body (a client's PUT). */
    public Upload(InputStream body, long size, Instant modified, String sha1, Entry existing) {
        this(body, size, modified, sha1, existing, null);
    }

    public Upload {
        Objects.requireNonNull(body, "body");
        if (size < UNKNOWN_SIZE) throw new IllegalArgumentException("size " + size);
        if (sha1 != null) sha1 = sha1.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean sizeKnown() {
        return size != UNKNOWN_SIZE;
    }
}

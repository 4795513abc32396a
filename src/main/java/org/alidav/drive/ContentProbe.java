package org.alidav.drive;

import java.io.IOException;

/**
 * Reads a few bytes at an offset of an upload's content without reading its body, e.g. from the file a
 * copy comes from: a rapid upload proves it holds the content with 8 bytes at an offset the cloud picks.
 */
@FunctionalInterface
public interface ContentProbe {
    /** Exactly {@code length} bytes from {@code offset} (both within the content). */
    byte[] read(long offset, int length) throws IOException;
}

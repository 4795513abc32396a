package org.alidav.drive;

/**
 * A driver that reads a few bytes with a request for exactly them; {@link Driver#open} may ask its
 * backend for more (from the offset to the end, to serve following ranges), which a probe must not cost.
 */
public interface ExactReader {
    byte[] readExactly(Entry file, long offset, int length);
}

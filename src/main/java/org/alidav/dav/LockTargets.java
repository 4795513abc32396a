package org.alidav.dav;

import java.util.Optional;

/**
 * What the lock manager ({@code org.alidav.dav.lock}) needs to know about resources, by decoded,
 * normalised WebDAV path.
 */
public interface LockTargets {
    boolean exists(String path);

    /** The resource's strong entity tag (quoted), or empty when it does not exist. */
    Optional<String> etag(String path);

    /** Creates a 0-byte file (LOCK on an unmapped URL); a missing parent is a CONFLICT (409). */
    void createEmpty(String path);
}

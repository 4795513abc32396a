package org.alidav.dav.lock;

import java.time.Duration;
import java.util.Objects;

/**
 * What a LOCK asks for.
 *
 * @param path      lock path of the lock root (see {@link LockPaths})
 * @param ownerXml  content of {@code DAV:owner}, kept verbatim; empty if none was sent
 * @param principal user that takes the lock; null for anonymous
 * @param timeout   wished timeout, {@link TimeoutHeader#INFINITE} if none; the manager caps it
 */
public record LockRequest(String path, LockScope scope, LockDepth depth, String ownerXml, String principal,
                          Duration timeout) {
    public LockRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(ownerXml, "ownerXml");
        Objects.requireNonNull(timeout, "timeout");
    }
}

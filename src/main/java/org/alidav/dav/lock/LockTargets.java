package org.alidav.dav.lock;

import java.util.Optional;

/**
 * What the lock layer needs from the DAV layer, by lock path (decoded, normalised; see {@link LockPaths}).
 * Implemented by the resource factory side.
 */
public interface LockTargets {
    /** True if a resource (file or collection) is mapped at {@code path}. */
    boolean exists(String path);

    /**
     * The ETag the server sends for {@code path}, exactly as in the ETag response header (with Milton's
     * default generator: {@code builder.geteTagGenerator().generateEtag(resource)}); empty if unmapped or
     * without ETag. Called for If-header entity tags only, so it should be cheap (cached metadata).
     */
    Optional<String> etag(String path);

    /**
     * Creates an empty, zero-byte file at the unmapped {@code path}: RFC 4918 §7.3 locked-empty resource,
     * answered with 201. It stays a normal empty file after UNLOCK.
     *
     * @throws TargetConflictException if the parent collection is missing or not a collection (→ 409)
     */
    void createEmpty(String path) throws TargetConflictException;
}

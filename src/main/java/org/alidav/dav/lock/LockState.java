package org.alidav.dav.lock;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The If-header view of the server: ETags from the DAV layer, lock tokens from the lock manager. */
record LockState(LockManager locks, LockTargets targets) implements IfHeader.ResourceState {
    @Override
    public Optional<String> etag(String path) {
        return targets.etag(path);
    }

    @Override
    public Set<String> lockTokens(String path) {
        return locks.locksCovering(path).stream().map(ActiveLock::token).collect(Collectors.toSet());
    }
}

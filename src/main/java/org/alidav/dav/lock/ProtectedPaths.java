package org.alidav.dav.lock;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The resources a state-changing request modifies (RFC 4918 §7.4): each of them that is locked needs one
 * of its lock tokens submitted. Adding or removing a member also modifies the parent collection, which a
 * lock of any depth on that collection protects.
 */
final class ProtectedPaths {
    private final LockManager locks;
    private final LockTargets targets;

    ProtectedPaths(LockManager locks, LockTargets targets) {
        this.locks = locks;
        this.targets = targets;
    }

    Set<String> of(String method, String target, Optional<String> destination) {
        Set<String> paths = new LinkedHashSet<>();
        switch (method) {
            case "POST", "PROPPATCH" -> paths.add(target);
            case "PUT" -> {
                paths.add(target);
                if (parentHasOwnLocks(target) && !targets.exists(target)) {
                    addMembershipChange(paths, target);
                }
            }
            // a LOCK of an existing resource is checked for conflicts by the lock manager; one of an
            // unmapped URL creates a member
            case "LOCK" -> {
                if (!targets.exists(target)) {
                    addMembershipChange(paths, target);
                }
            }
            case "MKCOL", "DELETE" -> addMembershipChange(paths, target);
            case "MOVE" -> {
                addMembershipChange(paths, target);
                destination.ifPresent(d -> addMembershipChange(paths, d));
            }
            case "COPY" -> destination.ifPresent(d -> addMembershipChange(paths, d));
            default -> {
                // reads, OPTIONS, UNLOCK (checked by its handler): nothing to protect
            }
        }
        return paths;
    }

    /**
     * Ancestors' depth-infinity locks cover a new member itself, so only a parent's own (maybe depth-0)
     * locks make a PUT's existence check (maybe a remote call) worth asking.
     */
    private boolean parentHasOwnLocks(String path) {
        return LockPaths.parent(path).filter(p -> !locks.locksAt(p).isEmpty()).isPresent();
    }

    /** The path, its parent, and every locked resource below it (deleted or replaced with it). */
    private void addMembershipChange(Set<String> paths, String path) {
        paths.add(path);
        LockPaths.parent(path).ifPresent(paths::add);
        locks.locksAtOrBelow(path).forEach(lock -> paths.add(lock.root()));
    }
}

package org.alidav.dav.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A granted lock (RFC 4918 §14.1 {@code DAV:activelock}).
 *
 * @param token     {@code urn:uuid:…} lock token
 * @param root      lock path of the lock root
 * @param ownerXml  content of {@code DAV:owner} as the client sent it
 * @param principal user that took the lock, null for anonymous
 * @param timeout   granted timeout (already capped)
 * @param expires   instant after which the lock is gone
 */
public record ActiveLock(String token, String root, LockScope scope, LockDepth depth, String ownerXml,
                         String principal, Duration timeout, Instant expires) {

    public ActiveLock {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(ownerXml, "ownerXml");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(expires, "expires");
    }

    /** True if this lock protects {@code path}: its root, or anything below a depth-infinity root. */
    public boolean covers(String path) {
        return root.equals(path) || (depth == LockDepth.INFINITY && LockPaths.isBelow(path, root));
    }

    /** True if a lock on {@code path} with {@code depth} would protect this lock's root. */
    boolean isCoveredBy(String path, LockDepth depth) {
        return root.equals(path) || (depth == LockDepth.INFINITY && LockPaths.isBelow(root, path));
    }

    /** True if the principal of a request may use this lock's token. */
    public boolean isHeldBy(String requestPrincipal) {
        return Objects.equals(principal, requestPrincipal);
    }

    /** Seconds left, rounded up so a fresh lock reports its full timeout; what {@code DAV:timeout} says. */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, expires).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }

    ActiveLock renewed(Duration newTimeout, Instant now) {
        return new ActiveLock(token, root, scope, depth, ownerXml, principal, newTimeout, now.plus(newTimeout));
    }
}

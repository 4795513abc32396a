package org.alidav.dav.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * In-memory WebDAV write locks (RFC 4918 §6, §7), keyed by lock path. Thread-safe.
 *
 * <p>Every operation runs under the instance monitor and first drops expired locks; the set of live
 * locks is small (one per file a client has open), so queries scan it rather than keep a path index.
 */
public final class LockManager {
    /** Default cap for requested timeouts, also the timeout of a LOCK without a Timeout header. */
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofHours(1);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration maxTimeout;
    private final Map<String, ActiveLock> byToken = new LinkedHashMap<>();

    public LockManager(Clock clock, Duration maxTimeout) {
        if (maxTimeout.compareTo(MIN_TIMEOUT) < 0) {
            throw new IllegalArgumentException("maxTimeout below one second: " + maxTimeout);
        }
        this.clock = clock;
        this.maxTimeout = maxTimeout;
    }

    public LockManager() {
        this(Clock.systemUTC(), DEFAULT_MAX_TIMEOUT);
    }

    /** Grants a new lock, or reports the first existing lock it conflicts with. */
    public synchronized ActiveLock lock(LockRequest request) throws LockConflictException {
        Instant now = purge();
        for (ActiveLock existing : byToken.values()) {
            boolean overlaps = existing.covers(request.path()) || existing.isCoveredBy(request.path(), request.depth());
            if (overlaps && request.scope().conflictsWith(existing.scope())) {
                throw new LockConflictException(existing);
            }
        }
        Duration timeout = cap(request.timeout());
        ActiveLock granted = new ActiveLock("urn:uuid:" + UUID.randomUUID(), request.path(), request.scope(),
                request.depth(), request.ownerXml(), request.principal(), timeout, now.plus(timeout));
        byToken.put(granted.token(), granted);
        return granted;
    }

    /** Restarts the timeout of a live lock; empty if the token is unknown or expired. */
    public synchronized Optional<ActiveLock> refresh(String token, Duration requestedTimeout) {
        Instant now = purge();
        ActiveLock current = byToken.get(token);
        if (current == null) {
            return Optional.empty();
        }
        ActiveLock renewed = current.renewed(cap(requestedTimeout), now);
        byToken.put(token, renewed);
        return Optional.of(renewed);
    }

    /** Removes a lock; false if it did not exist (any more). */
    public synchronized boolean unlock(String token) {
        purge();
        return byToken.remove(token) != null;
    }

    public synchronized Optional<ActiveLock> find(String token) {
        purge();
        return Optional.ofNullable(byToken.get(token));
    }

    /** Locks whose root is {@code path}. */
    public List<ActiveLock> locksAt(String path) {
        return select(lock -> lock.root().equals(path));
    }

    /** Locks that protect {@code path}: its own and depth-infinity locks of its ancestors. */
    public List<ActiveLock> locksCovering(String path) {
        return select(lock -> lock.covers(path));
    }

    /** Locks rooted at {@code path} or below it: what a DELETE or MOVE of {@code path} affects. */
    public List<ActiveLock> locksAtOrBelow(String path) {
        return select(lock -> LockPaths.isSelfOrBelow(lock.root(), path));
    }

    /** A resource was deleted: its locks and those of its members end with it (RFC 4918 §7). */
    public void onDelete(String path) {
        dropAtOrBelow(path);
    }

    /**
     * A resource was moved away from {@code from}: locks do not move with it (RFC 4918 §7.6), so the
     * locks at and below the source end. Locks at the destination stay and cover the moved resource.
     */
    public void onMove(String from) {
        dropAtOrBelow(from);
    }

    private synchronized void dropAtOrBelow(String path) {
        byToken.values().removeIf(lock -> LockPaths.isSelfOrBelow(lock.root(), path));
    }

    private synchronized List<ActiveLock> select(Predicate<ActiveLock> filter) {
        purge();
        List<ActiveLock> result = new ArrayList<>();
        for (ActiveLock lock : byToken.values()) {
            if (filter.test(lock)) {
                result.add(lock);
            }
        }
        return result;
    }

    private Instant purge() {
        Instant now = clock.instant();
        byToken.values().removeIf(lock -> lock.isExpired(now));
        return now;
    }

    private Duration cap(Duration requested) {
        if (requested.compareTo(MIN_TIMEOUT) < 0) {
            return MIN_TIMEOUT;
        }
        return requested.compareTo(maxTimeout) > 0 ? maxTimeout : requested;
    }

    /** The clock the locks expire by; the lock properties report remaining time against it. */
    Instant now() {
        return clock.instant();
    }
}

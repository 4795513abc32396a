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
 * WebDAV write locks (RFC 4918 §6, §7), keyed by lock path. Thread-safe.
 *
 * <p>Every operation runs under the instance monitor and first drops expired locks; the set of live
 * locks is small (one per file a client has open), so it is kept in memory and queries scan it rather
 * than keep a path index. Every change is written through to the {@link LockTable} before the memory
 * view changes and before the client is answered, and the live locks are read back when the manager
 * is made, so a restart does not take a lock away from the client holding it.
 */
public final class LockManager {
    /** Default cap for requested timeouts, also the timeout of a LOCK without a Timeout header. */
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofHours(1);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration maxTimeout;
    private final LockTable table;
    private final Map<String, ActiveLock> byToken = new LinkedHashMap<>();

    /** Starts with the locks in {@code table} that have not timed out; the others are dropped from it. */
    public LockManager(Clock clock, Duration maxTimeout, LockTable table) {
        if (maxTimeout.compareTo(MIN_TIMEOUT) < 0) {
            throw new IllegalArgumentException("maxTimeout below one second: " + maxTimeout);
        }
        this.clock = clock;
        this.maxTimeout = maxTimeout;
        this.table = table;
        table.loadLive(clock.instant()).forEach(lock -> byToken.put(lock.token(), lock));
    }

    public LockManager(LockTable table) {
        this(Clock.systemUTC(), DEFAULT_MAX_TIMEOUT, table);
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
        table.save(granted);
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
        table.save(renewed);
        byToken.put(token, renewed);
        return Optional.of(renewed);
    }

    /** Removes a lock; false if it did not exist (any more). */
    public synchronized boolean unlock(String token) {
        purge();
        if (!byToken.containsKey(token)) return false;
        table.delete(List.of(token));
        byToken.remove(token);
        return true;
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
        drop(lock -> LockPaths.isSelfOrBelow(lock.root(), path));
    }

    /** Removes the matching locks, from the table first. */
    private void drop(Predicate<ActiveLock> filter) {
        List<String> tokens = byToken.values().stream().filter(filter).map(ActiveLock::token).toList();
        table.delete(tokens);
        byToken.keySet().removeAll(tokens);
    }

    private synchronized List<ActiveLock> select(Predicate<ActiveLock> filter) {
        if (byToken.isEmpty()) return List.of(); // asked per entry of every PROPFIND; usually nothing is locked
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
        drop(lock -> lock.isExpired(now));
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

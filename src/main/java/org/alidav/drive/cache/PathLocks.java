package org.alidav.drive.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.alidav.drive.DrivePath;

/**
 * One writer per path at a time: writes to the same path queue, writes to different paths run in
 * parallel. A write naming two paths (MOVE, COPY) takes both in one fixed order, so two such writes
 * crossing each other cannot deadlock. A path's lock exists only while someone holds or waits for it,
 * so the map never grows with the number of paths ever written.
 */
final class PathLocks {
    /** A lock and how many callers hold or wait for it; guarded by the map's compute. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** The locks a write holds; closing releases them. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** Locks {@code paths} (duplicates ignored) in their string order, waiting as long as it takes. */
    Held lock(DrivePath... paths) {
        TreeSet<String> keys = new TreeSet<>();
        for (DrivePath p : paths) keys.add(p.toString());
        List<String> taken = new ArrayList<>();
        try {
            for (String key : keys) {
                Slot slot = slots.compute(key, (k, s) -> {
                    Slot held = s == null ? new Slot() : s;
                    held.users++;
                    return held;
                });
                try {
                    slot.lock.lockInterruptibly();
                } catch (InterruptedException e) {
                    release(key, slot, false);
                    Thread.currentThread().interrupt();
                    throw new org.alidav.drive.DriveException(org.alidav.drive.DriveException.Kind.UNAVAILABLE,
                            "interrupted while waiting for another write to " + key);
                }
                taken.add(key);
            }
        } catch (RuntimeException e) {
            unlock(taken);
            throw e;
        }
        return () -> unlock(taken);
    }

    /** Paths with a lock held or awaited now (tests and health). */
    int active() {
        return slots.size();
    }

    private void unlock(List<String> keys) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            String key = keys.get(i);
            release(key, slots.get(key), true);
        }
    }

    private void release(String key, Slot slot, boolean held) {
        if (held) slot.lock.unlock();
        slots.computeIfPresent(key, (k, s) -> --s.users == 0 ? null : s);
    }
}

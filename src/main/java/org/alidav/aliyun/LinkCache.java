package org.alidav.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.alidav.drive.Link;

/**
 * Download links per file id, reused until {@code margin} before they expire, so that a player's many
 * Range requests cost one getDownloadUrl per link life. Concurrent misses on one file make one call.
 */
final class LinkCache {
    private static final int MAX_ENTRIES = 10_000;
    private final Clock clock;
    private final Duration margin;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    LinkCache(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    private static final class Slot {
        Link link;
    }

    Link get(String fileId, Supplier<Link> fetch) {
        if (slots.size() > MAX_ENTRIES) evictExpired();
        Slot slot = slots.computeIfAbsent(fileId, k -> new Slot());
        synchronized (slot) {
            if (slot.link == null || !slot.link.usableAt(clock.instant(), margin)) slot.link = fetch.get();
            return slot.link;
        }
    }

    /** Forgets a link the object storage refused (expired early, file replaced). */
    void invalidate(String fileId) {
        slots.remove(fileId);
    }

    private void evictExpired() {
        slots.values().removeIf(s -> {
            synchronized (s) {
                return s.link == null || !s.link.usableAt(clock.instant(), margin);
            }
        });
    }
}

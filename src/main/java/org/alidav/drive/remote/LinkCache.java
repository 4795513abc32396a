package org.alidav.drive.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.alidav.drive.Link;

/**
 * Download links per file id, with the moment each was obtained. A proxied read reuses a link until
 * {@code margin} before it expires, so that a player's many Range requests cost one getDownloadUrl
 * per link life; it re-links on its own when the object storage refuses. A link handed to a client
 * (a 302) must have at least half its life left, since the client keeps it for the rest of its
 * download and never asks us again. Concurrent misses on one file make one call.
 */
public final class LinkCache {
    private static final int MAX_ENTRIES = 10_000;
    private final Clock clock;
    private final Duration margin;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    public LinkCache(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    /** A link and when we got it: its life is {@code obtained} to its expiry. */
    private record Held(Link link, Instant obtained) {
        boolean usable(Instant now, Duration margin) {
            return link.usableAt(now, margin);
        }

        /** At least half of the life left (and more than the margin); a link without expiry always is. */
        boolean halfLeft(Instant now, Duration margin) {
            if (link.expires() == null) return true;
            Duration left = Duration.between(now, link.expires());
            Duration life = Duration.between(obtained, link.expires());
            return usable(now, margin) && left.multipliedBy(2).compareTo(life) >= 0;
        }
    }

    private static final class Slot {
        Held held;
    }

    /** A link for a proxied read: the cached one while usable, else {@code fetch}'s. */
    public Link get(String fileId, Supplier<Link> fetch) {
        return held(fileId, h -> h.usable(clock.instant(), margin), fetch);
    }

    /** A link to hand to a client: the cached one while it has half its life left, else {@code fetch}'s. */
    public Link fresh(String fileId, Supplier<Link> fetch) {
        return held(fileId, h -> h.halfLeft(clock.instant(), margin), fetch);
    }

    /**
     * A link that came with the file's listing entry: kept unless the cached one lives longer, so a
     * read of a file just listed needs no getDownloadUrl. A full cache takes no offers (a listing of a
     * huge folder must neither fill memory nor scan the cache per entry): those files are linked as before.
     */
    public void offer(String fileId, Link link) {
        if (!link.usableAt(clock.instant(), margin) || slots.size() >= MAX_ENTRIES && !slots.containsKey(fileId)) return;
        Slot slot = slots.computeIfAbsent(fileId, k -> new Slot());
        synchronized (slot) {
            if (slot.held == null || !outlives(slot.held.link(), link)) slot.held = new Held(link, clock.instant());
        }
    }

    private static boolean outlives(Link cached, Link offered) {
        return cached.expires() == null || offered.expires() != null && !cached.expires().isBefore(offered.expires());
    }

    private Link held(String fileId, java.util.function.Predicate<Held> good, Supplier<Link> fetch) {
        if (slots.size() > MAX_ENTRIES) evictExpired();
        Slot slot = slots.computeIfAbsent(fileId, k -> new Slot());
        synchronized (slot) {
            if (slot.held == null || !good.test(slot.held)) {
                Instant asked = clock.instant();
                slot.held = new Held(fetch.get(), asked);
            }
            return slot.held.link();
        }
    }

    /** Forgets a link the object storage refused (expired early, file replaced). */
    public void invalidate(String fileId) {
        slots.remove(fileId);
    }

    private void evictExpired() {
        slots.values().removeIf(s -> {
            synchronized (s) {
                return s.held == null || !s.held.usable(clock.instant(), margin);
            }
        });
    }
}

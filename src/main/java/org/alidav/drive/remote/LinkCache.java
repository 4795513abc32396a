package org.alidav.drive.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.alidav.drive.Link;

/**
 * Download links by key (a file id), each with the moment it was issued. A proxied read reuses a link until
 * {@code margin} before it expires, so that a player's many Range requests cost one link request
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

    /** At least half of the link's life left (and more than the margin); a link without expiry always has. */
    private static boolean halfLeft(Link link, Instant now, Duration margin) {
        if (link.expires() == null) return true;
        Duration left = Duration.between(now, link.expires());
        Duration life = Duration.between(link.issued(), link.expires());
        return link.usableAt(now, margin) && left.multipliedBy(2).compareTo(life) >= 0;
    }

    /** The link of one key; its lock makes concurrent misses on the key one fetch. A held link always knows when it was issued. */
    private static final class Slot {
        Link link;
    }

    /** A link for a proxied read: the cached one while usable, else {@code fetch}'s. */
    public Link get(String fileId, Supplier<Link> fetch) {
        return held(fileId, l -> l.usableAt(clock.instant(), margin), fetch);
    }

    /** A link to hand to a client: the cached one while it has half its life left, else {@code fetch}'s. */
    public Link fresh(String fileId, Supplier<Link> fetch) {
        return held(fileId, l -> halfLeft(l, clock.instant(), margin), fetch);
    }

    /**
     * A link that came with the file's listing entry: kept unless the cached one lives longer, so a
     * read of a file just listed needs no link request. A full cache takes no offers (a listing of a
     * huge folder must neither fill memory nor scan the cache per entry): those files are linked as before.
     */
    public void offer(String fileId, Link link) {
        if (!link.usableAt(clock.instant(), margin) || slots.size() >= MAX_ENTRIES && !slots.containsKey(fileId)) return;
        Slot slot = slots.computeIfAbsent(fileId, k -> new Slot());
        synchronized (slot) {
            if (slot.link == null || !outlives(slot.link, link)) slot.link = link.withIssuedIfUnknown(clock.instant());
        }
    }

    private static boolean outlives(Link cached, Link offered) {
        return cached.expires() == null || offered.expires() != null && !cached.expires().isBefore(offered.expires());
    }

    private Link held(String fileId, Predicate<Link> good, Supplier<Link> fetch) {
        if (slots.size() > MAX_ENTRIES) evictExpired();
        Slot slot = slots.computeIfAbsent(fileId, k -> new Slot());
        synchronized (slot) {
            if (slot.link == null || !good.test(slot.link)) {
                Instant asked = clock.instant();
                slot.link = fetch.get().withIssuedIfUnknown(asked);
            }
            return slot.link;
        }
    }

    /** Forgets a link the object storage refused (expired early, file replaced). */
    public void invalidate(String fileId) {
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

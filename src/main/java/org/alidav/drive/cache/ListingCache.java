package org.alidav.drive.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.alidav.drive.DrivePath;

/**
 * Folder listings by path with a time to live. Concurrent misses for one folder share one fetch
 * (single flight); our own writes edit cached listings in place instead of dropping them.
 */
final class ListingCache {
    private final Map<DrivePath, Listing> listings = new ConcurrentHashMap<>();
    private final Map<DrivePath, CompletableFuture<Listing>> inFlight = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    ListingCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<Listing> fresh(DrivePath folder) {
        Listing l = listings.get(folder);
        if (l == null || clock.instant().isAfter(l.fetched.plus(ttl))) return Optional.empty();
        return Optional.of(l);
    }

    /** The fresh listing of {@code folder}, fetching it once however many callers ask at the same time. */
    Listing get(DrivePath folder, Supplier<Listing> fetch) {
        Optional<Listing> cached = fresh(folder);
        if (cached.isPresent()) return cached.get();
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        CompletableFuture<Listing> running = inFlight.putIfAbsent(folder, mine);
        if (running != null) return join(running);
        try {
            Listing l = fetch.get();
            listings.put(folder, l);
            mine.complete(l);
            return l;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(folder, mine);
        }
    }

    private static Listing join(CompletableFuture<Listing> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Applies a change to a cached listing, if one is cached; a missing listing is simply fetched later. */
    void update(DrivePath folder, UnaryOperator<Listing> change) {
        listings.computeIfPresent(folder, (k, l) -> change.apply(l));
    }

    /** Forgets {@code path} and every listing below it. */
    void invalidate(DrivePath path) {
        listings.keySet().removeIf(p -> p.startsWith(path));
    }
}

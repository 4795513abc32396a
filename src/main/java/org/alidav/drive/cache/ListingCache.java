package org.alidav.drive.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.alidav.drive.DrivePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folder listings by path, trusted per {@link CachePolicy}. Concurrent misses for one folder share one
 * fetch (single flight); our own writes edit cached listings in place instead of dropping them.
 */
final class ListingCache {
    private static final Logger log = LoggerFactory.getLogger(ListingCache.class);

    private final Map<DrivePath, Listing> listings = new ConcurrentHashMap<>();
    private final Map<DrivePath, CompletableFuture<Listing>> inFlight = new ConcurrentHashMap<>();
    private final CachePolicy policy;
    private final Clock clock;
    private final Executor background;
    final CacheStats stats = new CacheStats();

    ListingCache(CachePolicy policy, Clock clock, Executor background) {
        this.policy = policy;
        this.clock = clock;
        this.background = background;
    }

    /** The listing of {@code folder}, fetching it once however many callers ask at the same time. */
    Listing get(DrivePath folder, Supplier<Listing> fetch) {
        Listing cached = listings.get(folder);
        if (cached != null) {
            Instant now = clock.instant();
            Instant expires = cached.fetched.plus(policy.ttlOf(folder));
            if (now.isBefore(expires)) {
                stats.hits.increment();
                return cached;
            }
            if (now.isBefore(expires.plus(policy.staleGrace()))) {
                stats.staleHits.increment();
                refreshInBackground(folder, fetch);
                return cached;
            }
        }
        stats.misses.increment();
        return join(fetchOnce(folder, fetch));
    }

    private void refreshInBackground(DrivePath folder, Supplier<Listing> fetch) {
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(folder, mine) != null) return;
        stats.backgroundRefreshes.increment();
        mine.whenComplete((l, e) -> {
            if (e != null) log.warn("background refresh of {} failed: {}", folder, e.getMessage());
        });
        background.execute(() -> runFetch(folder, fetch, mine));
    }

    private CompletableFuture<Listing> fetchOnce(DrivePath folder, Supplier<Listing> fetch) {
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        CompletableFuture<Listing> running = inFlight.putIfAbsent(folder, mine);
        if (running != null) return running;
        runFetch(folder, fetch, mine);
        return mine;
    }

    /** Fetches for the caller that registered {@code mine} as the folder's one fetch in flight. */
    private void runFetch(DrivePath folder, Supplier<Listing> fetch, CompletableFuture<Listing> mine) {
        try {
            Listing l = fetch.get();
            listings.put(folder, l);
            mine.complete(l);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
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

    /** Forgets the listing of one folder, keeping those below it. */
    void forget(DrivePath folder) {
        listings.remove(folder);
    }

    /** Forgets {@code path} and every listing below it. */
    void invalidate(DrivePath path) {
        listings.keySet().removeIf(p -> p.startsWith(path));
    }
}

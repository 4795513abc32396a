package org.alidav.drive.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.alidav.drive.DrivePath;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folder listings by path, trusted per {@link CachePolicy}. Concurrent misses for one folder share one
 * fetch (single flight); our own writes edit cached listings in place instead of dropping them.
 *
 * <p>A fetch that was under way while the folder changed (our own write, or a drop) is handed to its
 * waiting callers but not cached: it may predate the change, and caching it would undo the in-place
 * update. Every change bumps a global sequence number; a fetch is stored only when no change touched
 * its folder since it started.
 *
 * <p>At most {@link #MAX_FOLDERS} listings are kept, the least recently used going first: a client
 * walking a large drive would otherwise keep every folder it ever saw in memory.
 */
final class ListingCache {
    private static final Logger log = LoggerFactory.getLogger(ListingCache.class);

    /** Folders whose listings are kept: more than clients browse at a time, and a bound on memory. */
    static final int MAX_FOLDERS = 10_000;

    private final Map<DrivePath, Listing> listings = Caffeine.newBuilder()
            .maximumSize(MAX_FOLDERS)
            .executor(Runnable::run) // evict in the caller's thread: no pool thread per storage
            .<DrivePath, Listing>build().asMap();
    private final Map<DrivePath, CompletableFuture<Listing>> inFlight = new ConcurrentHashMap<>();
    /**
     * The sequence number of the last change per folder, for the fetches in flight; emptied whenever
     * none is (a fetch registers before it reads the sequence, so no later fetch needs the old ones).
     */
    private final Map<DrivePath, Long> changed = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Bumped by a drop of everything; a fetch started before it is not stored. */
    private volatile long droppedAll = 0;
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
            Duration ttl = policy.ttlOf(folder);
            Instant expires = cached.fetched.plus(ttl);
            if (now.isBefore(expires)) {
                stats.hits.increment();
                return cached;
            }
            if (!ttl.isZero() && now.isBefore(expires.plus(policy.staleGrace()))) {
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
            if (e != null) log.warn("background refresh of {} failed: {}", LogText.escape(folder), LogText.escape(e.getMessage()));
        });
        try {
            background.execute(() -> runFetch(folder, fetch, mine));
        } catch (RuntimeException e) {
            inFlight.remove(folder, mine);
            mine.completeExceptionally(e);
        }
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
        long started = sequence.get();
        try {
            Listing l = fetch.get();
            synchronized (this) {
                if (unchangedSince(folder, started)) listings.put(folder, l);
            }
            mine.complete(l);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
        } finally {
            inFlight.remove(folder, mine);
        }
    }

    private boolean unchangedSince(DrivePath folder, long started) {
        return changed.getOrDefault(folder, -1L) <= started && droppedAll <= started;
    }

    private synchronized void touch(DrivePath folder) {
        if (inFlight.isEmpty()) changed.clear();
        changed.put(folder, sequence.incrementAndGet());
    }

    private static Listing join(CompletableFuture<Listing> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Applies a change to a cached listing, if one is cached; a missing listing is simply fetched later. */
    void update(DrivePath folder, UnaryOperator<Listing> change) {
        synchronized (this) {
            touch(folder);
            listings.computeIfPresent(folder, (k, l) -> change.apply(l));
        }
    }

    /** Forgets the listing of one folder, keeping those below it. */
    void forget(DrivePath folder) {
        synchronized (this) {
            touch(folder);
            listings.remove(folder);
        }
    }

    /** Forgets {@code path} and every listing below it; answers how many listings were dropped. */
    int invalidate(DrivePath path) {
        synchronized (this) {
            if (path.isRoot()) {
                droppedAll = sequence.incrementAndGet();
                int n = listings.size();
                listings.clear();
                return n;
            }
            int[] n = {0};
            listings.keySet().removeIf(p -> {
                boolean below = p.startsWith(path);
                if (below) n[0]++;
                return below;
            });
            // folders below that were never cached may be fetching right now: their fetch must not land
            for (DrivePath p : inFlight.keySet()) {
                if (p.startsWith(path)) touch(p);
            }
            touch(path);
            return n[0];
        }
    }

    /** How many folders are cached, and their entries in total. */
    long folders() {
        return listings.size();
    }

    long entries() {
        long n = 0;
        for (Listing l : listings.values()) n += l.size();
        return n;
    }
}

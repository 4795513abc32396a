package org.alidav.drive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.drive.DrivePath;
import org.junit.jupiter.api.Test;

/** The listing cache keeps a bounded number of folders, the recently used ones. */
class ListingCacheTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final ListingCache cache = new ListingCache(new CachePolicy(Duration.ofHours(1), Duration.ZERO, List.of()), clock, Runnable::run);

    @Test
    void aWalkOfMoreFoldersThanTheBoundKeepsAtMostTheBound() {
        AtomicInteger fetches = new AtomicInteger();
        Listing kept = cache.get(DrivePath.parse("/kept"), () -> Listing.of(List.of(), clock.instant()));
        for (int i = 0; i < ListingCache.MAX_FOLDERS + 500; i++) {
            cache.get(DrivePath.parse("/f" + i), () -> {
                fetches.incrementAndGet();
                return Listing.of(List.of(), clock.instant());
            });
            if (i % 1000 == 0) cache.get(DrivePath.parse("/kept"), () -> Listing.of(List.of(), clock.instant()));
        }
        assertEquals(ListingCache.MAX_FOLDERS + 500, fetches.get());
        assertTrue(cache.folders() <= ListingCache.MAX_FOLDERS, cache.folders() + " folders kept");
        assertSame(kept, cache.get(DrivePath.parse("/kept"), () -> Listing.of(List.of(), clock.instant())), "a folder in use stays");
    }
}

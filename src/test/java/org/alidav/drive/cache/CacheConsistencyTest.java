package org.alidav.drive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.local.LocalDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches racing our own writes, dropping the cache, health and stream counters of the op layer. */
class CacheConsistencyTest {
    @TempDir
    Path dir;

    @Test
    void aFetchThatRacedOurWriteIsNotCachedSoTheWriteStaysVisible() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LocalDriver local = new LocalDriver(dir, Clock.systemUTC());
        StorageCacheTest.CountingDriver driver = new StorageCacheTest.CountingDriver(local) {
            @Override
            public List<Entry> list(Entry folder) {
                List<Entry> before = super.list(folder); // read before the write below lands
                if (folder.id().equals(local.root().id()) && lists.get() == 1) {
                    listing.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return before;
            }
        };
        Storage s = new Storage("t", driver, CachePolicy.of(Duration.ofMinutes(5)), Clock.systemUTC());
        // make the root listing known, then let it be refetched by a slow reader while we write
        CompletableFuture<List<Entry>> slowList = CompletableFuture.supplyAsync(() -> s.list(DrivePath.ROOT));
        assertTrue(listing.await(5, TimeUnit.SECONDS));
        s.invalidate(DrivePath.parse("/nothing")); // unrelated drop: must not disturb the root
        // our write: its parent listing is not cached yet, so it is only stamped
        s.mkdir(DrivePath.parse("/made-while-listing"));
        release.countDown();
        assertEquals(List.of(), slowList.get(5, TimeUnit.SECONDS).stream().map(Entry::name).toList(), "the slow reader got what it read");
        assertEquals(List.of("made-while-listing"), s.list(DrivePath.ROOT).stream().map(Entry::name).toList(),
                "the stale fetch was not cached: the next request sees our write");
    }

    @Test
    void droppingAPathForgetsItsSubtreeOnly() {
        StorageCacheTest.CountingDriver driver = new StorageCacheTest.CountingDriver(new LocalDriver(dir, Clock.systemUTC()));
        Storage s = new Storage("t", driver, CachePolicy.of(Duration.ofMinutes(5)), Clock.systemUTC());
        s.mkdir(DrivePath.parse("/a"));
        s.mkdir(DrivePath.parse("/a/b"));
        s.mkdir(DrivePath.parse("/c"));
        s.list(DrivePath.ROOT);
        s.list(DrivePath.parse("/a"));
        s.list(DrivePath.parse("/a/b"));
        s.list(DrivePath.parse("/c"));
        int lists = driver.lists.get();
        assertEquals(2, s.invalidate(DrivePath.parse("/a")));
        s.list(DrivePath.ROOT);
        s.list(DrivePath.parse("/c"));
        assertEquals(lists, driver.lists.get(), "the rest stays cached");
        s.list(DrivePath.parse("/a/b"));
        assertEquals(lists + 2, driver.lists.get(), "/a and /a/b are fetched again");
        assertEquals(4, s.invalidate(DrivePath.ROOT));
        assertEquals(0, s.cachedFolders());
    }

    @Test
    void backendTroubleShowsInHealthAndClientMistakesDoNot() {
        StorageCacheTest.CountingDriver driver = new StorageCacheTest.CountingDriver(new LocalDriver(dir, Clock.systemUTC())) {
            @Override
            public List<Entry> list(Entry folder) {
                if (dir.resolve("down").toFile().exists()) throw DriveException.unavailable("backend down", Duration.ofSeconds(3), null);
                return super.list(folder);
            }
        };
        Storage s = new Storage("t", driver, CachePolicy.of(Duration.ZERO), Clock.systemUTC());
        s.list(DrivePath.ROOT);
        assertEquals("ok", s.health().status());
        assertThrows(DriveException.class, () -> s.stat(DrivePath.parse("/missing")));
        assertEquals("ok", s.health().status(), "a 404 is the client's business");
        assertTrue(dir.resolve("down").toFile().mkdir());
        assertThrows(DriveException.class, () -> s.list(DrivePath.ROOT));
        StorageHealth.Report r = s.health();
        assertEquals("degraded", r.status());
        assertTrue(r.lastError().contains("backend down"), r.lastError());
    }

    @Test
    void streamsAndUploadBytesAreCounted() throws Exception {
        Storage s = new Storage("t", new LocalDriver(dir, Clock.systemUTC()), CachePolicy.of(Duration.ofMinutes(1)), Clock.systemUTC());
        Entry f = s.put(DrivePath.parse("/f"), new ByteArrayInputStream(new byte[1000]), 1000, null, null);
        assertEquals(1000, s.uploadBytes());
        InputStream in = s.open(f, ByteRange.whole(1000));
        assertEquals(1, s.activeStreams());
        assertEquals(1000, in.readAllBytes().length);
        in.close();
        in.close();
        assertEquals(0, s.activeStreams());
        assertEquals(1000, s.downloadBytes());
    }

    @Test
    void badGlobsAndRelativeGlobsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CachePolicy.TtlRule("Movies/**", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new CachePolicy.TtlRule("/Movies/[", Duration.ofMinutes(1)));
        CachePolicy p = new CachePolicy(Duration.ofMinutes(1), Duration.ZERO,
                List.of(new CachePolicy.TtlRule("/Movies{,/**}", Duration.ofHours(1))));
        assertEquals(Duration.ofHours(1), p.ttlOf(DrivePath.parse("/Movies")));
        assertEquals(Duration.ofHours(1), p.ttlOf(DrivePath.parse("/Movies/a/b")));
        assertEquals(Duration.ofMinutes(1), p.ttlOf(DrivePath.parse("/Music")));
    }
}

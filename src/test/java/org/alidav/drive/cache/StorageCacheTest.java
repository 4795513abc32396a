package org.alidav.drive.cache;

import org.alidav.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.drive.local.LocalDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageCacheTest {
    @TempDir
    Path dir;
    TestClock clock = new TestClock();
    CountingDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CountingDriver(new LocalDriver(dir, Clock.systemUTC()));
    }

    private Storage storage(CachePolicy policy) {
        return new Storage("t", driver, policy, clock);
    }

    @Test
    void lookupsOfAbsentNamesInAFreshListingCostNothing() {
        Storage s = storage(CachePolicy.of(Duration.ofMinutes(1)));
        s.list(DrivePath.ROOT);
        int before = driver.lists.get();
        for (int i = 0; i < 1000; i++) assertTrue(s.find(DrivePath.parse("/._x" + i)).isEmpty());
        assertEquals(before, driver.lists.get());
    }

    @Test
    void ownWritesUpdateTheCachedListingInPlace() {
        Storage s = storage(CachePolicy.of(Duration.ofMinutes(1)));
        s.list(DrivePath.ROOT);
        s.mkdir(DrivePath.parse("/d"));
        s.put(DrivePath.parse("/f"), new ByteArrayInputStream(new byte[]{1}), 1, null, null);
        s.move(DrivePath.parse("/f"), DrivePath.parse("/d/g"));
        s.list(DrivePath.parse("/d"));
        s.remove(DrivePath.parse("/d/g"));
        int lists = driver.lists.get();
        assertEquals(List.of("d"), s.list(DrivePath.ROOT).stream().map(Entry::name).toList());
        assertEquals(List.of(), s.list(DrivePath.parse("/d")));
        assertEquals(lists, driver.lists.get());
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        driver.slow = true;
        Storage s = storage(CachePolicy.of(Duration.ofMinutes(1)));
        atOnce(10, () -> s.list(DrivePath.ROOT));
        assertEquals(1, driver.lists.get());
    }

    /** Runs {@code task} on {@code threads} threads released together, and waits for them all. */
    static void atOnce(int threads, Runnable task) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                task.run();
            });
            t.start();
            started.add(t);
        }
        start.countDown();
        for (Thread t : started) t.join();
    }

    @Test
    void expiredListingIsFetchedAgain() {
        Storage s = storage(CachePolicy.of(Duration.ofSeconds(30)));
        s.list(DrivePath.ROOT);
        clock.advance(Duration.ofSeconds(31));
        s.list(DrivePath.ROOT);
        assertEquals(2, driver.lists.get());
        assertEquals(1, s.cacheStats().misses() - 1);
    }

    @Test
    void staleListingIsServedWhileOneBackgroundFetchRefreshesIt() throws Exception {
        Storage s = storage(new CachePolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of()));
        s.list(DrivePath.ROOT);
        clock.advance(Duration.ofSeconds(60));
        s.list(DrivePath.ROOT);
        s.list(DrivePath.ROOT);
        for (int i = 0; i < 100 && driver.lists.get() < 2; i++) Thread.sleep(10);
        assertEquals(2, driver.lists.get());
        assertTrue(s.cacheStats().staleHits() >= 1);
    }

    @Test
    void ruleByGlobSetsTheTtlOfMatchingFolders() {
        CachePolicy p = new CachePolicy(Duration.ofMinutes(10), Duration.ZERO,
                List.of(new CachePolicy.TtlRule("/inbox/**", Duration.ZERO), new CachePolicy.TtlRule("/inbox", Duration.ZERO)));
        assertEquals(Duration.ZERO, p.ttlOf(DrivePath.parse("/inbox")));
        assertEquals(Duration.ZERO, p.ttlOf(DrivePath.parse("/inbox/a/b")));
        assertEquals(Duration.ofMinutes(10), p.ttlOf(DrivePath.parse("/other")));
    }

    @Test
    void aClashReportedByTheBackendDropsTheStaleListing() throws Exception {
        Storage s = storage(CachePolicy.of(Duration.ofMinutes(10)));
        s.list(DrivePath.ROOT);
        java.nio.file.Files.createDirectory(dir.resolve("made-elsewhere"));
        org.alidav.drive.DriveException e = org.junit.jupiter.api.Assertions.assertThrows(org.alidav.drive.DriveException.class,
                () -> s.mkdir(DrivePath.parse("/made-elsewhere")));
        assertEquals(org.alidav.drive.DriveException.Kind.ALREADY_EXISTS, e.kind());
        assertTrue(s.find(DrivePath.parse("/made-elsewhere")).isPresent(), "the retry sees the real folder");
    }

    /** Counts list calls of the driver it wraps. */
    static class CountingDriver implements Driver {
        final Driver d;
        final AtomicInteger lists = new AtomicInteger();
        volatile boolean slow;

        CountingDriver(Driver d) {
            this.d = d;
        }

        /** The wrapped driver's properties; none of its optional abilities, which this wrapper does not pass on. */
        @Override
        public org.alidav.drive.Features features() {
            org.alidav.drive.Features f = d.features();
            return new org.alidav.drive.Features(java.util.Set.of(), f.hashes(), f.modTimePrecision(), f.duplicateNames());
        }

        @Override
        public Entry root() {
            return d.root();
        }

        @Override
        public List<Entry> list(Entry folder) {
            lists.incrementAndGet();
            if (slow) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return d.list(folder);
        }

        @Override
        public Entry mkdir(Entry parent, String name) {
            return d.mkdir(parent, name);
        }

        @Override
        public Entry put(Entry parent, String name, Upload upload) {
            return d.put(parent, name, upload);
        }

        @Override
        public Entry move(Entry entry, Entry fromParent, Entry newParent, String newName) {
            return d.move(entry, fromParent, newParent, newName);
        }

        @Override
        public void remove(Entry entry) {
            d.remove(entry);
        }

        @Override
        public java.io.InputStream open(Entry file, ByteRange range) {
            return d.open(file, range);
        }
    }
}

package org.alidav.drive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.TestClock;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.Features;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Link;
import org.alidav.drive.Linker;
import org.alidav.drive.local.LocalDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The op layer's cache of the links a {@link Linker} gives, which are handed to clients (302). */
class StorageLinksTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock();
    LinkingDriver driver;
    Storage storage;
    Entry file;

    @BeforeEach
    void setUp() {
        driver = new LinkingDriver(new LocalDriver(dir, Clock.systemUTC()), clock);
        storage = new Storage("t", driver, CachePolicy.of(Duration.ofMinutes(1)), clock);
        file = storage.put(DrivePath.parse("/f.bin"), new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, null, null);
    }

    private String link(Entry e) {
        return storage.link(e).orElseThrow().url();
    }

    @Test
    void aLinkIsReusedWhileHalfItsLifeIsLeft() {
        String first = link(file);
        clock.advance(Duration.ofSeconds(450));
        assertEquals(first, link(file), "half its life left");
        assertEquals(1, driver.links.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("link-2", link(file), "less than half left: a client would keep it too long");
        assertEquals(2, driver.links.get());
    }

    @Test
    void aLinkAnotherCacheHeldKeepsItsOwnAge() {
        driver.issuedAgo = Duration.ofSeconds(300);
        link(file);
        clock.advance(Duration.ofSeconds(151));
        link(file);
        assertEquals(2, driver.links.get(), "the life is counted from when the link was issued, not from when the op layer got it");
    }

    @Test
    void aFileChangedUnderTheSameIdGetsANewLink() {
        link(file);
        Entry changed = storage.put(DrivePath.parse("/f.bin"), new ByteArrayInputStream(new byte[]{1, 2, 3, 4}), 4, null, null);
        assertEquals(file.id(), changed.id());
        link(changed);
        assertEquals(2, driver.links.get());
    }

    @Test
    void concurrentAsksForOneFileMakeOneDriverCall() throws Exception {
        driver.slow = true;
        StorageCacheTest.atOnce(8, () -> link(file));
        assertEquals(1, driver.links.get());
    }

    /** A folder on disk whose files have made-up links of a 900 s life, counted. */
    static final class LinkingDriver extends StorageCacheTest.CountingDriver implements Linker {
        final AtomicInteger links = new AtomicInteger();
        final Clock clock;
        volatile Duration issuedAgo = Duration.ZERO;

        LinkingDriver(LocalDriver d, Clock clock) {
            super(d);
            this.clock = clock;
        }

        @Override
        public Features features() {
            Features f = super.features();
            return new Features(EnumSet.of(Capability.LINKS), f.hashes(), f.modTimePrecision(), f.duplicateNames());
        }

        @Override
        public Link link(Entry file) {
            int n = links.incrementAndGet();
            if (slow) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var issued = clock.instant().minus(issuedAgo);
            return new Link("link-" + n, Map.of(), issued, issued.plusSeconds(900));
        }
    }
}

package org.alidav.drive.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.alidav.TestClock;
import org.alidav.drive.Link;
import org.junit.jupiter.api.Test;

class LinkCacheTest {
    final TestClock clock = new TestClock();
    final LinkCache cache = new LinkCache(clock, Duration.ofSeconds(60));
    final AtomicInteger fetches = new AtomicInteger();

    private Link link(String url, long lifeSeconds) {
        return new Link(url, Map.of(), null, clock.instant().plusSeconds(lifeSeconds));
    }

    private Supplier<Link> fetch(long lifeSeconds) {
        return () -> {
            fetches.incrementAndGet();
            return link("fetched-" + fetches.get(), lifeSeconds);
        };
    }

    @Test
    void aListingLinkServesReadsAndRedirectsUntilItsRulesSayOtherwise() {
        cache.offer("f", link("listed", 900));
        assertEquals("listed", cache.get("f", fetch(900)).url());
        clock.advance(Duration.ofSeconds(450));
        assertEquals("listed", cache.fresh("f", fetch(900)).url(), "half its life left");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("fetched-1", cache.fresh("f", fetch(900)).url(), "less than half left: a redirect needs a new one");
        assertEquals("fetched-1", cache.get("f", fetch(900)).url(), "and reads use the newer one");
        assertEquals(1, fetches.get());
    }

    @Test
    void anOfferReplacesOnlyAShorterLivedLinkAndADeadOneIsRefused() {
        assertEquals("fetched-1", cache.get("f", fetch(900)).url());
        cache.offer("f", link("shorter", 600));
        assertEquals("fetched-1", cache.get("f", fetch(900)).url());
        cache.offer("f", link("longer", 1200));
        assertEquals("longer", cache.get("f", fetch(900)).url());
        cache.offer("g", link("inside the margin", 59));
        assertEquals("fetched-2", cache.get("g", fetch(900)).url());
    }

    @Test
    void aFullCacheTakesNoMoreOffers() {
        for (int i = 0; i < 10_000; i++) cache.offer("f" + i, link("listed-" + i, 900));
        cache.offer("one too many", link("listed", 900));
        assertEquals("fetched-1", cache.get("one too many", fetch(900)).url());
        assertEquals("listed-7", cache.get("f7", fetch(900)).url());
    }
}

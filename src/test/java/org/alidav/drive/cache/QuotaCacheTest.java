package org.alidav.drive.cache;

import org.alidav.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.drive.Quota;
import org.junit.jupiter.api.Test;

class QuotaCacheTest {
    @Test
    void aQuotaIsFetchedOncePerTtl() {
        TestClock clock = new TestClock();
        QuotaCache cache = new QuotaCache(clock, Duration.ofSeconds(60));
        AtomicInteger fetches = new AtomicInteger();
        for (int i = 0; i < 5; i++) assertEquals(new Quota(1, 10), cache.get(() -> new Quota(fetches.incrementAndGet(), 10)));
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(new Quota(2, 10), cache.get(() -> new Quota(fetches.incrementAndGet(), 10)));
    }
}

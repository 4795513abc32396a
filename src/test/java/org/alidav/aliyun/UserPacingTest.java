package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.drive.remote.RateBucket;
import org.junit.jupiter.api.Test;

/** One registry of per-user pacing, on a clock the test moves. */
class UserPacingTest {
    private final TestPacingClock clock = new TestPacingClock();
    private final UserPacing pacing = new UserPacing(clock);

    @Test
    void callersOfABucketAreSpacedByItsRateOnTheGivenClock() throws Exception {
        RateBucket bucket = pacing.governor("user", new Governor.Rates(4, 1, 15)).bucket(Bucket.LIST);
        long start = System.nanoTime();
        for (int i = 0; i < 9; i++) bucket.acquire();
        assertEquals(Duration.ofSeconds(2), clock.elapsed(), "8 intervals of 250 ms after the first call");
        assertEquals(0, Duration.ofNanos(System.nanoTime() - start).toSeconds(), "no real waiting");
    }

    @Test
    void storagesOfOneUserShareTheStrictestRates() {
        Governor first = pacing.governor("user", new Governor.Rates(4, 1, 15));
        Governor second = pacing.governor("user", new Governor.Rates(2, 1, 15));
        assertSame(first, second);
        first.bucket(Bucket.LIST).reserve(Duration.ZERO);
        assertEquals(Duration.ofMillis(500), first.bucket(Bucket.LIST).backlog(), "the slower 2/s of the second storage");
    }

    @Test
    void theAnonymousGovernorKeepsItsRates() {
        Governor anonymous = pacing.governor(Governor.ANONYMOUS, new Governor.Rates(4, 1, 15));
        pacing.governor(Governor.ANONYMOUS, new Governor.Rates(1, 1, 1));
        anonymous.bucket(Bucket.LIST).reserve(Duration.ZERO);
        assertEquals(Duration.ofMillis(250), anonymous.bucket(Bucket.LIST).backlog());
    }

    @Test
    void aBucketRefusesASlotFurtherAwayThanTheCallerMayWait() {
        RateBucket bucket = pacing.governor("user", new Governor.Rates(1, 1, 1)).bucket(Bucket.LINK);
        assertEquals(Duration.ZERO, bucket.reserve(Duration.ZERO));
        assertNull(bucket.reserve(Duration.ofMillis(999)));
        clock.sleep(Duration.ofMillis(1));
        assertEquals(Duration.ofMillis(999), bucket.reserve(Duration.ofMillis(999)));
    }

    @Test
    void registriesAreIndependent() {
        UserPacing other = new UserPacing(clock);
        assertNotSame(pacing.governor("user", Governor.Rates.DEFAULT), other.governor("user", Governor.Rates.DEFAULT));
        DownloadGate.Settings settings = new DownloadGate.Settings(2, Duration.ofSeconds(1), Duration.ZERO, 0);
        assertSame(pacing.gate("user", settings), pacing.gate("user", settings));
        assertNotSame(pacing.gate("user", settings), other.gate("user", settings));
    }
}

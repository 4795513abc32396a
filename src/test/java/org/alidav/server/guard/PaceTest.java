package org.alidav.server.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The credit rules of {@link Pace} on a hand-driven clock (nanoseconds; 1 s = 1e9). */
class PaceTest {
    private static final long S = 1_000_000_000L;

    /** 1000 B/s with 10 s of grace. */
    private final Pace pace = new Pace(1000, 10 * S);

    @Test
    void aWaitMayLastTheGraceAndNoLonger() {
        pace.waitStarted(0);
        assertFalse(pace.overdue(10 * S));
        assertTrue(pace.overdue(10 * S + 1));
    }

    @Test
    void timeTheServerSpendsElsewhereIsNotHeldAgainstTheClient() {
        pace.waitStarted(0);
        pace.waitEnded(S);
        pace.received(1000);
        // an hour of the server writing to the cloud, then a new wait: the full grace again
        pace.waitStarted(3600 * S);
        assertFalse(pace.overdue(3600 * S + 10 * S));
    }

    @Test
    void aBurstCannotBuyMinutesOfTrickling() {
        pace.waitStarted(0);
        pace.waitEnded(S / 10);
        pace.received(1_000_000); // 1000 s worth, but the credit stops at the grace
        pace.waitStarted(S);
        assertTrue(pace.overdue(S + 10 * S + 1));
    }

    @Test
    void aByteEveryThreeSecondsRunsOutOfCredit() {
        long now = 0;
        boolean overdue = false;
        for (int i = 0; i < 10 && !overdue; i++) {
            pace.waitStarted(now);
            overdue = pace.overdue(now + 3 * S);
            now += 3 * S;
            pace.waitEnded(now);
            pace.received(1);
        }
        assertTrue(overdue, "1 byte per 3 s against 1000 B/s ends within the grace");
    }

    @Test
    void aWriteMayTakeItsOwnBytesTimeOnTopOfTheCredit() {
        pace.sending(64_000); // 64 s at 1000 B/s
        pace.waitStarted(0);
        assertFalse(pace.overdue(70 * S));
        assertTrue(pace.overdue(74 * S + 1));
        pace.waitEnded(5 * S);
        pace.waitStarted(5 * S); // what was not spent is capped at the grace again
        assertTrue(pace.overdue(15 * S + 1));
    }
}

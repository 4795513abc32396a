package org.alidav.drive.remote;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The time that pacing reads and the waiting it does: the monotonic clock and {@code Thread.sleep}
 * in a server; a test gives one whose sleeps move time on without waiting.
 */
public interface PacingClock {
    PacingClock SYSTEM = new PacingClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedIOException {
            Backoff.sleep(d);
        }
    };

    /** Nanoseconds from an arbitrary origin, as {@link System#nanoTime}. */
    long nanoTime();

    /** Waits {@code d}; interrupted, it throws with the thread's interrupt flag set. */
    void sleep(Duration d) throws InterruptedIOException;
}

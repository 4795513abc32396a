package org.alidav.aliyun;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A token bucket of burst 1: callers are spaced at least {@code 1/rate} apart. A 429 pushes the next
 * slot back for everybody, since the server counts all callers of this user together.
 */
final class RateBucket {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    RateBucket(double perSecond) {
        if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be > 0");
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Blocks until this caller may send. */
    void acquire() throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) Backoff.sleep(Duration.ofNanos(wait));
    }

    /** Nobody sends before {@code wait} from now. */
    synchronized void holdOff(Duration wait) {
        nextSlot = Math.max(nextSlot, System.nanoTime() + wait.toNanos());
    }
}

package org.alidav.drive.remote;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A token bucket of burst 1: callers are spaced at least {@code 1/rate} apart, in arrival order (each
 * caller reserves the next free slot, then sleeps until it). A 429 pushes the next slot back for
 * everybody, since the server counts all callers of this user together.
 */
public final class RateBucket {
    private final PacingClock clock;
    private volatile long intervalNanos;
    private long nextSlot;

    public RateBucket(double perSecond, PacingClock clock) {
        if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be > 0");
        this.clock = clock;
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nextSlot = clock.nanoTime();
    }

    /** Slows this bucket down to {@code perSecond} if that is slower than its current rate. */
    public synchronized void tighten(double perSecond) {
        if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be > 0");
        intervalNanos = Math.max(intervalNanos, (long) (1_000_000_000L / perSecond));
    }

    /** Blocks until this caller may send, however long that is. */
    public void acquire() throws InterruptedIOException {
        Duration wait = reserve(Duration.ofNanos(Long.MAX_VALUE));
        if (wait.compareTo(Duration.ZERO) > 0) clock.sleep(wait);
    }

    /**
     * Reserves the next slot when it is at most {@code maxWait} away and returns how long to wait for
     * it (the caller sleeps); when it is further away nothing is reserved and the answer is
     * {@code null}: the budget is exhausted for longer than this caller may wait.
     */
    public Duration reserve(Duration maxWait) {
        synchronized (this) {
            long now = clock.nanoTime();
            long slot = Math.max(now, nextSlot);
            long wait = slot - now;
            if (wait > maxWait.toNanos()) return null;
            nextSlot = slot + intervalNanos;
            return Duration.ofNanos(wait);
        }
    }

    /** How long a new caller would wait right now. */
    public synchronized Duration backlog() {
        return Duration.ofNanos(Math.max(0, nextSlot - clock.nanoTime()));
    }

    /** Nobody sends before {@code wait} from now. */
    public synchronized void holdOff(Duration wait) {
        nextSlot = Math.max(nextSlot, clock.nanoTime() + wait.toNanos());
    }
}

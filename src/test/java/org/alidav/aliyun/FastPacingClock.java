package org.alidav.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.alidav.drive.remote.Backoff;
import org.alidav.drive.remote.PacingClock;

/**
 * Time running {@code speed} times faster than real time, for a driver's pacing and the sandbox's
 * rate limits alike ({@link #wallClock}): waits for a rate budget shrink by that factor while the
 * order of events and every rate measured on this clock stay those of real time. Unlike a clock a
 * test steps, it suits many threads pacing at once, as a burst of WebDAV clients does.
 */
public final class FastPacingClock implements PacingClock {
    private final long origin = System.nanoTime();
    private final Instant start = Instant.now();
    private final int speed;

    public FastPacingClock(int speed) {
        this.speed = speed;
    }

    @Override
    public long nanoTime() {
        return (System.nanoTime() - origin) * speed;
    }

    @Override
    public void sleep(Duration d) throws java.io.InterruptedIOException {
        long realNanosPerMilli = 1_000_000L * speed;
        // rounded up to whole real milliseconds: never wake before the paced time
        Backoff.sleep(Duration.ofMillis((d.toNanos() + realNanosPerMilli - 1) / realNanosPerMilli));
    }

    /** The same time as a wall clock starting now, for the sandbox. */
    public Clock wallClock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return start.plusNanos(nanoTime());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }
}

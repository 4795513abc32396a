package org.alidav.aliyun;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.alidav.drive.remote.PacingClock;

/**
 * Pacing time that tests move: a sleep returns at once, having moved time on to its end (never
 * back, when sleepers overlap), so waits for a rate budget cost no real time.
 */
final class TestPacingClock implements PacingClock {
    private final AtomicLong now = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration d) {
        long end = now.get() + d.toNanos();
        now.accumulateAndGet(end, Math::max);
    }

    Duration elapsed() {
        return Duration.ofNanos(now.get());
    }
}

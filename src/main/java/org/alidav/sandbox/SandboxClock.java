package org.alidav.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** An adjustable clock so tests can let tokens and URLs expire without sleeping. */
public final class SandboxClock extends Clock {
    private final AtomicReference<Instant> now;

    public SandboxClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock starting at the current system time. */
    public static SandboxClock startingNow() {
        return new SandboxClock(Instant.now());
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the sandbox only ever works in UTC
    }
}

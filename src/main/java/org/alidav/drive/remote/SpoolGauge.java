package org.alidav.drive.remote;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes held in upload spool files, now and at the most since the last {@link #resetPeak()}: the
 * measure of how much of an upload the server buffers at a time.
 */
public final class SpoolGauge {
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    void add(long bytes) {
        long now = held.addAndGet(bytes);
        peak.accumulateAndGet(now, Math::max);
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    public long held() {
        return held.get();
    }

    public long peak() {
        return peak.get();
    }

    /** Starts a new measurement from what is held now. */
    public void resetPeak() {
        peak.set(held.get());
    }
}

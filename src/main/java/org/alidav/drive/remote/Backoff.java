package org.alidav.drive.remote;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter on the upper half, so that retrying callers spread out. */
public record Backoff(Duration base, Duration max) {

    /** The wait before retry number {@code attempt} (1 = first retry). */
    public Duration delay(int attempt) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long half = cap / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** A server-given wait plus up to 20% (at least a few ms) of jitter. */
    public static Duration jittered(Duration wait) {
        long ms = wait.toMillis();
        return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(ms / 5 + 5));
    }

    public static void sleep(Duration d) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting");
        }
    }
}

package org.alidav.server.guard;

/**
 * The minimum data rate of one direction of one exchange, counted only while the server waits on
 * the client: time the server spends elsewhere (writing to the cloud, waiting for the API) is never
 * held against it.
 *
 * <p>The client holds a credit of waiting time, at most the grace. Every byte it moves earns
 * {@code 1/rate} seconds; every wait spends what it lasted. A wait that outlasts the credit is
 * {@link #overdue overdue}. Reads are capped at the grace, so a fast burst cannot buy minutes of
 * trickling afterwards; a write earns its own bytes' worth up front, since sending them is the wait.
 */
final class Pace {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bytesPerSecond;
    private final long graceNanos;
    private long creditNanos;
    private boolean waiting;
    private long waitingSince;

    Pace(long bytesPerSecond, long graceNanos) {
        if (bytesPerSecond <= 0) throw new IllegalArgumentException("rate " + bytesPerSecond);
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = graceNanos;
        this.creditNanos = graceNanos;
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    synchronized void waitStarted(long now) {
        if (waiting) return;
        waiting = true;
        waitingSince = now;
    }

    synchronized void waitEnded(long now) {
        if (!waiting) return;
        waiting = false;
        creditNanos = Math.min(creditNanos - (now - waitingSince), graceNanos);
    }

    /** Bytes that arrived: their time is credited, up to the grace. */
    synchronized void received(long bytes) {
        creditNanos = Math.min(creditNanos + nanosFor(bytes), graceNanos);
    }

    /** Bytes about to be sent: the wait for them may last their time on top of the credit. */
    synchronized void sending(long bytes) {
        creditNanos = saturatedAdd(creditNanos, nanosFor(bytes));
    }

    synchronized boolean overdue(long now) {
        return waiting && now - waitingSince > creditNanos;
    }

    private long nanosFor(long bytes) {
        if (bytes > Long.MAX_VALUE / NANOS_PER_SECOND) return Long.MAX_VALUE;
        return bytes * NANOS_PER_SECOND / bytesPerSecond;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}

package org.alidav.drive.remote;

import java.io.IOException;
import java.io.InputStream;

/**
 * One open object-storage response positioned at {@link #position()}, holding a connection permit
 * of its {@link DownloadGate} until closed (or until the gate takes the permit over).
 */
public final class Upstream implements AutoCloseable {
    private final String key;
    private final Runnable abort;
    private final InputStream body;
    private final DownloadGate gate;
    private long position;
    private boolean ownsPermit = true;
    private boolean closed;
    private boolean ended;

    /** @param abort closes the connection at once, unread bytes or not */
    public Upstream(String key, Runnable abort, InputStream body, long position, DownloadGate gate) {
        this.key = key;
        this.abort = abort;
        this.body = body;
        this.position = position;
        this.gate = gate;
    }

    String key() {
        return key;
    }

    long position() {
        return position;
    }

    int read(byte[] buf, int off, int len) throws IOException {
        int n = body.read(buf, off, len);
        if (n > 0) position += n;
        else if (n < 0) ended = true;
        return n;
    }

    /** Reads and drops bytes up to {@code offset}; false when the body ended first. */
    public boolean skipTo(long offset) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        while (position < offset) {
            int n = read(scratch, 0, (int) Math.min(scratch.length, offset - position));
            if (n < 0) return false;
        }
        return true;
    }

    /** The whole object has been read: the connection can go back to the pool on close. */
    void markEnded() {
        ended = true;
    }

    /** The gate has taken this stream's permit for another request. */
    synchronized void disown() {
        ownsPermit = false;
    }

    @Override
    public void close() {
        boolean release;
        synchronized (this) {
            if (closed) return;
            closed = true;
            release = ownsPermit;
        }
        // closing a half-read body would keep reading it to reuse the connection; aborting closes the
        // socket, so the object storage stops sending now
        if (ended) closeQuietly();
        else abort.run();
        if (release) gate.release();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException ignored) {
            // the body was read to its end: nothing is lost with the connection
        }
    }
}

package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.Call;
import okhttp3.Response;

/**
 * One open object-storage response positioned at {@link #position()}, holding a connection permit
 * of its {@link DownloadGate} until closed (or until the gate takes the permit over).
 */
final class Upstream implements AutoCloseable {
    private final String key;
    private final Call call;
    private final Response response;
    private final InputStream body;
    private final DownloadGate gate;
    private long position;
    private boolean ownsPermit = true;
    private boolean closed;
    private boolean ended;

    Upstream(String key, Call call, Response response, InputStream body, long position, DownloadGate gate) {
        this.key = key;
        this.call = call;
        this.response = response;
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
    boolean skipTo(long offset) throws IOException {
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
        // OkHttp would first read what is left of the body (for up to 100 ms) to reuse the connection;
        // cancelling closes the socket, so the object storage stops sending now
        if (!ended) call.cancel();
        response.close();
        if (release) gate.release();
    }
}

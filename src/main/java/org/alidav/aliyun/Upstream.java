package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;

/**
 * One open object-storage response positioned at {@link #position()}, holding a connection permit
 * of its {@link DownloadGate} until closed (or until the gate takes the permit over).
 */
final class Upstream implements AutoCloseable {
    private final String key;
    private final Response response;
    private final InputStream body;
    private final DownloadGate gate;
    private long position;
    private boolean ownsPermit = true;
    private boolean closed;

    Upstream(String key, Response response, InputStream body, long position, DownloadGate gate) {
        this.key = key;
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
        // closing a response whose body is not read to the end drops the connection: the upstream read stops now
        response.close();
        if (release) gate.release();
    }
}

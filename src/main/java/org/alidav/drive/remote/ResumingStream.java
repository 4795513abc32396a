package org.alidav.drive.remote;

import java.io.IOException;
import java.io.InputStream;
import org.alidav.drive.ByteRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A byte range of a cloud file that survives its link: when the stream breaks mid-body or the link
 * dies ("Request has expired."), it opens the object again — with a fresh link where needed — at
 * the exact byte the reader has reached, so the client never notices. At the end of its range the
 * upstream stream is parked in the {@link DownloadGate} for a following nearby range of the file;
 * closed early (the client went away) it is dropped at once, which stops the upstream read.
 */
public final class ResumingStream extends InputStream {
    private static final Logger log = LoggerFactory.getLogger(ResumingStream.class);
    /** Consecutive failed resumes (without a byte of progress) before the read fails. */
    static final int MAX_RESUMES_WITHOUT_PROGRESS = 4;

    /** Opens the object at an offset with a live link, holding a gate permit (the driver's own: it knows how its backend is linked). */
    public interface Opener {
        Upstream open(long offset, boolean linkSuspect) throws IOException;
    }

    private final String key;
    private final long end;
    private final long fileSize;
    private final Opener opener;
    private final DownloadGate gate;
    private long position;
    private Upstream upstream;
    private int failures;
    private boolean closed;

    public ResumingStream(String key, ByteRange range, long fileSize, DownloadGate gate, Opener opener) throws IOException {
        this.key = key;
        this.position = range.first();
        this.end = range.last() + 1;
        this.fileSize = fileSize;
        this.gate = gate;
        this.opener = opener;
        Upstream parked = gate.takeParked(key, position);
        if (parked != null) {
            try {
                if (parked.skipTo(position)) {
                    upstream = parked;
                    return;
                }
            } catch (IOException e) {
                // a parked stream that broke: open a new one
            }
            parked.close();
        }
        upstream = opener.open(position, false);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        if (len == 0) return 0;
        while (true) {
            if (position >= end) return -1;
            if (upstream == null) throw new IOException("download of " + key + " failed earlier");
            int want = (int) Math.min(len, end - position);
            IOException failure;
            try {
                int n = upstream.read(buf, off, want);
                if (n > 0) {
                    position += n;
                    failures = 0;
                    return n;
                }
                failure = new IOException("object storage ended the body at " + position + " of " + end);
            } catch (IOException e) {
                failure = e;
            }
            resume(failure);
        }
    }

    private void resume(IOException cause) throws IOException {
        upstream.close();
        upstream = null;
        if (++failures > MAX_RESUMES_WITHOUT_PROGRESS) throw new IOException("download of " + key + " keeps failing at byte " + position, cause);
        log.info("upstream read of {} broke at byte {} ({}); resuming", key, position, cause.getMessage());
        // after a break the link may be the cause (expired while we read): let the opener re-check it
        upstream = opener.open(position, failures > 1);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Upstream u = upstream;
        upstream = null;
        if (u == null) return;
        if (position >= end && position < fileSize) {
            gate.park(u);
        } else {
            if (position >= fileSize) u.markEnded();
            u.close();
        }
    }
}

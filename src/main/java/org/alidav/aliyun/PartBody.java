package org.alidav.aliyun;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.alidav.drive.DriveException;
import org.alidav.drive.remote.Spool;

/**
 * One part of an upload as a request body. Its bytes go out as they are read from the client's body
 * and are copied on the way to {@code copy}, so that the client and the object storage move at once
 * and the part can still be sent again. Every write sends the copied bytes first and then reads on,
 * so any attempt sends the whole part; each byte is read from the client, and fed to the digest, once.
 * A failure of the client's body is kept apart ({@link #clientFailure}): it is not the object
 * storage's, and sending again cannot mend it.
 */
final class PartBody extends RequestBody {
    private static final int BUFFER = 64 * 1024;
    private final InputStream source;
    private final long offset;
    private final long length;
    private final long total;
    private final Spool copy;
    private final MessageDigest digest;
    private DriveException clientFailure;

    /** The part of {@code length} bytes at {@code offset} of a body of {@code total} bytes; {@code copy} is empty. */
    PartBody(InputStream source, long offset, long length, long total, Spool copy, MessageDigest digest) {
        this.source = source;
        this.offset = offset;
        this.length = length;
        this.total = total;
        this.copy = copy;
        this.digest = digest;
    }

    @Override
    public MediaType contentType() {
        return null; // the URL's signature covers no Content-Type
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (copy.size() > 0) {
            try (Source kept = Okio.source(copy.path())) {
                sink.write(kept, copy.size());
            }
        }
        byte[] buf = new byte[BUFFER];
        while (copy.size() < length) {
            int n = readClient(buf, (int) Math.min(buf.length, length - copy.size()));
            copy.write(buf, 0, n);
            sink.write(buf, 0, n);
        }
    }

    /** Reads what the client has not yet sent of this part into the copy, so that a resend needs no client. */
    void readRest() throws IOException {
        if (clientFailure != null) throw clientFailure;
        long want = length - copy.size();
        if (want > 0 && copy.fill(source, want, digest) < want) throw Bodies.endedEarly(offset + copy.size(), total);
    }

    /** Why the client's body failed during a write, or null when it did not. */
    DriveException clientFailure() {
        return clientFailure;
    }

    private int readClient(byte[] buf, int want) throws IOException {
        int n;
        try {
            n = source.read(buf, 0, want);
        } catch (IOException e) {
            clientFailure = Bodies.unreadable(e);
            throw e;
        }
        if (n < 0) {
            clientFailure = Bodies.endedEarly(offset + copy.size(), total);
            throw new EOFException(clientFailure.getMessage());
        }
        if (digest != null) digest.update(buf, 0, n);
        return n;
    }
}

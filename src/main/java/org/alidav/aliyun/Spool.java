package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A temp file holding (part of) an upload body, so that a part can be sent again or a hash known
 * before sending, without holding the bytes in memory. Deleted on close.
 */
final class Spool implements AutoCloseable {
    /** All spools of the process together. */
    static final SpoolGauge GAUGE = new SpoolGauge();
    private static final int BUFFER = 64 * 1024;
    private final Path path;
    private long size;

    private Spool(Path path) {
        this.path = path;
    }

    static Spool create() throws IOException {
        return new Spool(Files.createTempFile("alidav-upload-", ".spool"));
    }

    /** Appends up to {@code max} bytes of {@code in} (all of it for -1), feeding {@code digest}; returns bytes copied. */
    long fill(InputStream in, long max, MessageDigest digest) throws IOException {
        byte[] buf = new byte[BUFFER];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
            while (max < 0 || copied < max) {
                int want = max < 0 ? buf.length : (int) Math.min(buf.length, max - copied);
                int n = in.read(buf, 0, want);
                if (n < 0) break;
                out.write(buf, 0, n);
                size += n;
                GAUGE.add(n);
                if (digest != null) digest.update(buf, 0, n);
                copied += n;
            }
        }
        return copied;
    }

    /** Empties the file for reuse as the next part's buffer. */
    void reset() throws IOException {
        Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING).close();
        GAUGE.release(size);
        size = 0;
    }

    InputStream read() throws IOException {
        return Files.newInputStream(path);
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    @Override
    public void close() {
        GAUGE.release(size);
        size = 0;
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temp directory is cleaned by the OS eventually; nothing else holds this file
        }
    }
}

package org.alidav.drive.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A temp file holding (part of) an upload body, so that a part can be sent again or a hash known
 * before sending, without holding the bytes in memory. Deleted on close; the files a killed process
 * left behind are deleted by {@link #sweep}, which knows the ones this process still uses.
 */
public final class Spool implements AutoCloseable {
    /** All spools of the process together. */
    public static final SpoolGauge GAUGE = new SpoolGauge();
    /** The spools of each folder: every driver spools in a folder of its own, so each can be watched alone. */
    private static final Map<Path, SpoolGauge> BY_FOLDER = new ConcurrentHashMap<>();
    private static final String PREFIX = "alidav-upload-";
    private static final String SUFFIX = ".spool";
    /** The spool files of this process not yet closed. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final int BUFFER = 64 * 1024;
    private final Path path;
    private final SpoolGauge folderGauge;
    private long size;
    /** Open from the first byte written until {@link #close}; unbuffered, so readers see every byte written. */
    private FileChannel out;

    private Spool(Path path, SpoolGauge folderGauge) {
        this.path = path;
        this.folderGauge = folderGauge;
    }

    public static Spool create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path path = Files.createTempFile(dir, PREFIX, SUFFIX).toAbsolutePath();
        OPEN.add(path);
        return new Spool(path, gauge(dir));
    }

    /** The bytes held by the spools of {@code dir}. */
    public static SpoolGauge gauge(Path dir) {
        return BY_FOLDER.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new SpoolGauge());
    }

    /** Deletes the spool files in {@code dir} that no spool of this process holds; answers how many. */
    public static int sweep(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                if (!OPEN.contains(f.toAbsolutePath()) && Files.deleteIfExists(f)) deleted++;
            }
        }
        return deleted;
    }

    /** Appends up to {@code max} bytes of {@code in} (all of it for -1), feeding {@code digest}; returns bytes copied. */
    public long fill(InputStream in, long max, MessageDigest digest) throws IOException {
        byte[] buf = new byte[BUFFER];
        long copied = 0;
        while (max < 0 || copied < max) {
            int want = max < 0 ? buf.length : (int) Math.min(buf.length, max - copied);
            int n = in.read(buf, 0, want);
            if (n < 0) break;
            if (digest != null) digest.update(buf, 0, n);
            write(buf, 0, n);
            copied += n;
        }
        return copied;
    }

    /** Appends {@code len} bytes of {@code b}. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null) out = FileChannel.open(path, StandardOpenOption.WRITE);
        ByteBuffer bytes = ByteBuffer.wrap(b, off, len);
        while (bytes.hasRemaining()) out.write(bytes, size + bytes.position() - off);
        size += len;
        GAUGE.add(len);
        folderGauge.add(len);
    }

    /**
     * Empties the spool for reuse as the next part's buffer. The file is not truncated: the next
     * part overwrites its pages in place, which costs far less than the file system allocating them
     * again for every part.
     */
    public void reset() {
        release();
    }

    /** The spool's {@link #size} bytes. */
    public InputStream read() throws IOException {
        if (out != null && out.size() > size) out.truncate(size); // an earlier, longer part's bytes
        return Files.newInputStream(path);
    }

    /** The file, whose first {@link #size} bytes are the spool's (a reset spool may hold older bytes after them). */
    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        release();
        try {
            closeOut();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the next sweep deletes it
        } finally {
            OPEN.remove(path);
        }
    }

    private void release() {
        GAUGE.release(size);
        folderGauge.release(size);
        size = 0;
    }

    private void closeOut() throws IOException {
        if (out == null) return;
        out.close();
        out = null;
    }
}

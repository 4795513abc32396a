package org.alidav.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content-addressed file contents ({@code blobs/<SHA1>}) plus the rapid-upload index of
 * (size, SHA-1 of the first 1024 bytes) and (size, full SHA-1). Contents are only ever streamed.
 */
final class BlobStore {
    static final int PRE_HASH_BYTES = 1024;
    private static final int BUFFER = 1 << 20;

    /** A stored content: its uppercase SHA-1 and size. */
    record Blob(String sha1, long size) {
    }

    private final Path blobs;
    private final Path tmp;
    private final Map<String, Blob> byFullKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> byPreKey = new ConcurrentHashMap<>();

    BlobStore(Path dataDir) {
        this.blobs = dataDir.resolve("blobs");
        this.tmp = dataDir.resolve("tmp");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(tmp);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(blobs)) {
                for (Path p : ds) {
                    index(new Blob(p.getFileName().toString(), Files.size(p)), preHashOf(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob store", e);
        }
    }

    Path path(String sha1) {
        return blobs.resolve(sha1.toUpperCase(Locale.ROOT));
    }

    boolean exists(String sha1) {
        return Files.exists(path(sha1));
    }

    /** Whether some stored content of this size starts with these 1024 bytes. */
    boolean preHashKnown(long size, String preHash) {
        return byPreKey.containsKey(size + ":" + preHash.toUpperCase(Locale.ROOT));
    }

    Optional<Blob> find(long size, String sha1) {
        return Optional.ofNullable(byFullKey.get(size + ":" + sha1.toUpperCase(Locale.ROOT)));
    }

    /** Concatenates the parts in the given order into a new blob, hashing on the way. */
    Blob assemble(List<Path> parts) {
        Path out = tmpFile();
        MessageDigest sha1 = Hashing.digest("SHA-1");
        MessageDigest pre = Hashing.digest("SHA-1");
        long size = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        byte[] heap = new byte[BUFFER];
        try (FileChannel w = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            for (Path part : parts) {
                try (FileChannel r = FileChannel.open(part, StandardOpenOption.READ)) {
                    while (r.read(buf) > 0) {
                        buf.flip();
                        int n = buf.remaining();
                        buf.get(heap, 0, n);
                        sha1.update(heap, 0, n);
                        if (size < PRE_HASH_BYTES) {
                            pre.update(heap, 0, (int) Math.min(n, PRE_HASH_BYTES - size));
                        }
                        size += n;
                        buf.flip();
                        while (buf.hasRemaining()) {
                            w.write(buf);
                        }
                        buf.clear();
                    }
                }
            }
            return commit(out, new Blob(Hashing.upperHex(sha1.digest()), size), Hashing.upperHex(pre.digest()));
        } catch (IOException e) {
            deleteQuietly(out);
            throw new UncheckedIOException("cannot assemble upload", e);
        }
    }

    /** Drops content nobody references any more (the caller checks references). */
    void delete(String sha1) {
        Path p = path(sha1);
        try {
            if (Files.exists(p)) {
                long size = Files.size(p);
                String preHash = preHashOf(p);
                Files.delete(p);
                byFullKey.remove(size + ":" + sha1);
                byPreKey.computeIfPresent(size + ":" + preHash, (k, v) -> v > 1 ? v - 1 : null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob", e);
        }
    }

    Path tmpFile() {
        return tmp.resolve(Ids.hex(24));
    }

    private Blob commit(Path tmpFile, Blob blob, String preHash) throws IOException {
        synchronized (this) {
            Path target = path(blob.sha1());
            if (Files.exists(target)) {
                Files.delete(tmpFile); // same content stored already
            } else {
                Files.move(tmpFile, target, StandardCopyOption.ATOMIC_MOVE);
                index(blob, preHash);
            }
        }
        return blob;
    }

    private void index(Blob blob, String preHash) {
        if (byFullKey.putIfAbsent(blob.size() + ":" + blob.sha1(), blob) == null) {
            byPreKey.merge(blob.size() + ":" + preHash, 1, Integer::sum);
        }
    }

    private static String preHashOf(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(PRE_HASH_BYTES);
            return Hashing.sha1Upper(head, 0, head.length);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a stray temp file is harmless
        }
    }
}

package org.alidav.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploaded parts on disk: {@code uploads/<uploadId>/<n>.part} with its MD5 in {@code <n>.md5}. Bodies stream to a temp file
 * and are renamed into place, so a part is either fully stored or absent and is never held in memory.
 */
final class PartStore {
    private static final int BUFFER = 1 << 20;

    /** One stored part; etag is the quoted uppercase MD5 as object stores report it. */
    record Part(int number, long size, String etag, Path path) {
    }

    private final Path root;
    private final BlobStore blobs;

    PartStore(Path dataDir, BlobStore blobs) {
        this.root = dataDir.resolve("uploads");
        this.blobs = blobs;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the body; returns null if that part number was already stored (the 409 case). */
    Part store(String uploadId, int partNumber, InputStream body) throws IOException {
        Path dir = root.resolve(uploadId);
        if (Files.exists(partPath(dir, partNumber))) {
            return null;
        }
        Path tmp = blobs.tmpFile();
        MessageDigest md5 = Hashing.digest("MD5");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = body.read(buf)) > 0) {
                md5.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        String md5Hex = Hashing.upperHex(md5.digest());
        synchronized (this) {
            Files.createDirectories(dir);
            Path target = partPath(dir, partNumber);
            if (Files.exists(target)) {
                Files.delete(tmp);
                return null;
            }
            Files.writeString(dir.resolve(partNumber + ".md5"), md5Hex);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Part(partNumber, size, "\"" + md5Hex + "\"", target);
        }
    }

    /** Stored parts in part-number order. */
    List<Part> list(String uploadId) {
        Path dir = root.resolve(uploadId);
        List<Part> parts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return parts;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.part")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                int number = Integer.parseInt(name.substring(0, name.length() - ".part".length()));
                String md5 = Files.readString(dir.resolve(number + ".md5"));
                parts.add(new Part(number, Files.size(p), "\"" + md5 + "\"", p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.sort(Comparator.comparingInt(Part::number));
        return parts;
    }

    void discard(String uploadId) {
        Path dir = root.resolve(uploadId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path partPath(Path dir, int partNumber) {
        return dir.resolve(partNumber + ".part");
    }
}

package org.alidav.drive.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Copier;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Features;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Maintained;
import org.alidav.drive.ModTimeSetter;
import org.alidav.drive.Quota;
import org.alidav.drive.QuotaReporter;
import org.alidav.drive.Replacer;
import org.alidav.drive.Upload;

/**
 * A folder on disk. An entry's id is its path relative to the root, with {@code /} separators.
 * Uploads are written to a hidden temp file beside the target and renamed into place when complete,
 * so a half-written upload is never visible and a failed overwrite keeps the old file; a MOVE or COPY
 * of a file over a file renames over it the same way. Nothing
 * outside the root is reachable: names are validated and symbolic links leading out are hidden.
 */
public final class LocalDriver implements Driver, Copier, Replacer, ModTimeSetter, QuotaReporter, Maintained {
    static final String TEMP_PREFIX = ".alidav-upload-";
    static final int MAX_NAME_BYTES = 255;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalDriver.class);
    /**
     * No hashes: a listing would have to read every file for one (an upload's answer carries the
     * SHA-1 it computed on the way). Times are kept to the millisecond, what the file systems this
     * runs on store at least; a folder never holds two items of one name.
     */
    private static final Features FEATURES = new Features(
            java.util.EnumSet.of(Capability.COPY, Capability.REPLACE, Capability.SET_MOD_TIME, Capability.QUOTA, Capability.MAINTENANCE),
            java.util.Set.of(), java.time.Duration.ofMillis(1), false);

    private final Path root;
    private final Path realRoot;
    private final Clock clock;
    /** Temp files of writes running now; the maintenance pass deletes only the others. */
    private final java.util.Set<Path> tempsInUse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LocalDriver(Path root, Clock clock) {
        try {
            Files.createDirectories(root);
            this.root = root.toAbsolutePath().normalize();
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw DriveException.upstream("cannot use " + root + " as a storage root", e);
        }
        this.clock = clock;
    }

    @Override
    public Features features() {
        return FEATURES;
    }

    @Override
    public Entry root() {
        return entry("", root);
    }

    @Override
    public List<Entry> list(Entry folder) {
        Path dir = resolve(folder.id());
        try (Stream<Path> children = Files.list(dir)) {
            List<Entry> out = new ArrayList<>();
            for (Path p : (Iterable<Path>) children::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) || !DrivePath.isValidName(name) || !insideRoot(p)) continue;
                try {
                    out.add(entry(childId(folder.id(), name), p));
                } catch (DriveException e) {
                    if (e.kind() != DriveException.Kind.NOT_FOUND) throw e; // removed while listing
                }
            }
            out.sort(java.util.Comparator.comparing(Entry::name)); // a directory's own order is arbitrary: listings show names in order
            return out;
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(folder.id());
        } catch (IOException e) {
            throw DriveException.upstream("cannot list " + folder.id(), e);
        }
    }

    @Override
    public Entry mkdir(Entry parent, String name) {
        String id = childId(parent.id(), newName(name));
        Path dir = resolve(id);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw DriveException.alreadyExists(id);
        } catch (NoSuchFileException e) {
            throw DriveException.conflict("no parent folder for " + id);
        } catch (IOException e) {
            throw DriveException.upstream("cannot create folder " + id, e);
        }
        return entry(id, dir);
    }

    @Override
    public Entry put(Entry parent, String name, Upload upload) {
        String id = childId(parent.id(), newName(name));
        Path target = resolve(id);
        Path temp = newTemp(target);
        try {
            String sha1 = writeTemp(temp, upload);
            if (upload.sha1() != null && !upload.sha1().equals(sha1)) {
                throw DriveException.conflict("content does not match the SHA-1 the client sent for " + id);
            }
            Instant mtime = upload.modified() != null ? upload.modified() : clock.instant();
            Files.setLastModifiedTime(temp, FileTime.from(mtime));
            moveIntoPlace(temp, target);
            Entry e = entry(id, target);
            return new Entry(e.id(), e.name(), false, e.size(), e.modified(), e.created(), sha1, null);
        } catch (NoSuchFileException e) {
            throw DriveException.conflict("no parent folder for " + id);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new DriveException(DriveException.Kind.QUOTA_EXCEEDED, "the disk is full: " + id, null, e);
            }
            throw DriveException.upstream("upload of " + id + " failed: " + e.getMessage(), e);
        } finally {
            dropTemp(temp);
        }
    }

    /** Copies the body into {@code temp}, checking the announced size; returns the content's SHA-1. */
    private static String writeTemp(Path temp, Upload upload) throws IOException {
        MessageDigest sha1 = sha1();
        long written;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), sha1)) {
            written = upload.body().transferTo(out);
        }
        if (upload.sizeKnown() && written != upload.size()) {
            throw new IOException("expected " + upload.size() + " bytes, got " + written);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(target.toString());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Entry move(Entry entry, Entry fromParent, Entry newParent, String newName) {
        String id = freeChildId(newParent, newName);
        return moved(entry, id, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A file over a file is one rename, which replaces the target atomically: the name never stands
     * empty. A rename cannot replace a folder, so with a folder on either side the existing item is removed first.
     */
    @Override
    public Entry moveOver(Entry entry, Entry fromParent, Entry newParent, Entry existing) {
        if (entry.folder() || existing.folder()) {
            remove(existing);
            return move(entry, fromParent, newParent, existing.name());
        }
        return moved(entry, childId(newParent.id(), newName(existing.name())), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Entry moved(Entry entry, String id, CopyOption... options) {
        Path target = resolve(id);
        try {
            Files.move(resolve(entry.id()), target, options);
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(entry.id());
        } catch (IOException e) {
            throw DriveException.upstream("cannot move " + entry.id() + " to " + id, e);
        }
        return entry(id, target);
    }

    @Override
    public Entry copy(Entry entry, Entry newParent, String newName) {
        return copied(entry, freeChildId(newParent, newName));
    }

    /** A file is copied to a temp name and renamed over the existing file; a folder on either side as {@link #moveOver}. */
    @Override
    public Entry copyOver(Entry entry, Entry newParent, Entry existing) {
        if (entry.folder() || existing.folder()) {
            remove(existing);
            return copy(entry, newParent, existing.name());
        }
        return copied(entry, childId(newParent.id(), newName(existing.name())));
    }

    /** Copies to {@code id}; a file copy that fails leaves the target as it was, a folder copy is removed. */
    private Entry copied(Entry entry, String id) {
        Path target = resolve(id);
        try {
            copyTree(resolve(entry.id()), target);
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(entry.id());
        } catch (IOException e) {
            if (entry.folder()) deleteTreeQuietly(target);
            throw DriveException.upstream("cannot copy " + entry.id() + " to " + id, e);
        }
        return entry(id, target);
    }

    /** The id of {@code name} in {@code parent}; ALREADY_EXISTS when something holds it. */
    private String freeChildId(Entry parent, String name) {
        String id = childId(parent.id(), newName(name));
        if (Files.exists(resolve(id), LinkOption.NOFOLLOW_LINKS)) throw DriveException.alreadyExists(id);
        return id;
    }

    private void copyTree(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Path temp = newTemp(target);
            try {
                Files.copy(source, temp, StandardCopyOption.COPY_ATTRIBUTES);
                moveIntoPlace(temp, target);
            } finally {
                dropTemp(temp);
            }
            return;
        }
        Files.createDirectory(target);
        try (Stream<Path> children = Files.list(source)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) || !insideRoot(child)) continue;
                copyTree(child, target.resolve(name));
            }
        }
        Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
    }

    @Override
    public void remove(Entry entry) {
        if (entry.id().isEmpty()) throw DriveException.conflict("the storage root cannot be removed");
        Path p = resolve(entry.id());
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw DriveException.notFound(entry.id());
        try {
            deleteTree(p);
        } catch (IOException e) {
            throw DriveException.upstream("cannot remove " + entry.id(), e);
        }
    }

    @Override
    public InputStream open(Entry file, ByteRange range) {
        try {
            FileChannel ch = FileChannel.open(resolve(file.id()), StandardOpenOption.READ);
            ch.position(range.first());
            return new BoundedInputStream(Channels.newInputStream(ch), range.length());
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(file.id());
        } catch (IOException e) {
            throw DriveException.upstream("cannot read " + file.id(), e);
        }
    }

    @Override
    public Entry setModified(Entry entry, Instant modified) {
        Path p = resolve(entry.id());
        try {
            Files.setLastModifiedTime(p, FileTime.from(modified));
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(entry.id());
        } catch (IOException e) {
            throw DriveException.upstream("cannot set the time of " + entry.id(), e);
        }
        Entry updated = entry(entry.id(), p);
        return new Entry(updated.id(), updated.name(), updated.folder(), updated.size(), updated.modified(),
                updated.created(), entry.sha1(), entry.contentType());
    }

    @Override
    public Quota quota() {
        try {
            FileStore store = Files.getFileStore(root);
            return new Quota(store.getTotalSpace() - store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            throw DriveException.upstream("cannot read the disk's size", e);
        }
    }

    private Entry entry(String id, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            String name = id.isEmpty() ? "" : id.substring(id.lastIndexOf('/') + 1);
            Instant modified = a.lastModifiedTime().toInstant();
            Instant created = a.creationTime() != null ? a.creationTime().toInstant() : modified;
            return new Entry(id, name, a.isDirectory(), a.isDirectory() ? 0 : a.size(), modified, created, null, null);
        } catch (NoSuchFileException e) {
            throw DriveException.notFound(id);
        } catch (IOException e) {
            throw DriveException.upstream("cannot read " + id, e);
        }
    }

    /**
     * A name this driver is asked to create: valid everywhere, and within the file system's limit of
     * {@value #MAX_NAME_BYTES} bytes (NAME_MAX of the usual Linux and macOS file systems), which is a client's
     * mistake (400), not a failure of the disk (the 502 an IOException would become).
     */
    private static String newName(String name) {
        DrivePath.checkName(name);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new DriveException(DriveException.Kind.INVALID_NAME,
                    "names in this folder storage are at most " + MAX_NAME_BYTES + " bytes of UTF-8, this one is " + bytes);
        }
        return name;
    }

    private static String childId(String parentId, String name) {
        return parentId.isEmpty() ? name : parentId + "/" + name;
    }

    /** The file of an id, refusing anything that would lead outside the root. */
    private Path resolve(String id) {
        Path p = id.isEmpty() ? root : root.resolve(id).normalize();
        if (!p.startsWith(root)) throw DriveException.notFound(id);
        if (!id.isEmpty() && !insideRoot(p.getParent())) throw DriveException.notFound(id);
        return p;
    }

    /** True when the real location of {@code p} (links followed) is inside the root, or p does not exist. */
    private boolean insideRoot(Path p) {
        try {
            return p.toRealPath().startsWith(realRoot);
        } catch (NoSuchFileException e) {
            return !Files.isSymbolicLink(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : (Iterable<Path>) children::iterator) deleteTree(c);
            }
        }
        try {
            Files.delete(p);
        } catch (DirectoryNotEmptyException e) {
            deleteTree(p); // a file appeared while deleting
        }
    }

    private static void deleteTreeQuietly(Path p) {
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
        } catch (IOException ignored) {
            // best effort: the copy already failed and that error is reported
        }
    }

    /** A fresh temp file name beside {@code target}, marked as in use until {@link #dropTemp}. */
    private Path newTemp(Path target) {
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        tempsInUse.add(temp);
        return temp;
    }

    private void dropTemp(Path temp) {
        deleteQuietly(temp);
        tempsInUse.remove(temp);
    }

    /** Deletes the temp files under the root that no write of this process holds: a killed process left them. */
    @Override
    public List<String> maintain() {
        List<Path> stale;
        try (Stream<Path> all = Files.walk(root)) {
            stale = all.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX) && !tempsInUse.contains(p)
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("sweeping temp files under " + root.getFileName() + " failed: " + e.getMessage());
        }
        stale.forEach(LocalDriver::deleteQuietly);
        if (!stale.isEmpty()) LOG.info("deleted {} temp files an earlier process left under {}", stale.size(), root);
        return List.of();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is hidden from listings and deleted by the next maintenance pass
        }
    }
}

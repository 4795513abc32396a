package org.alidav.drive.cache;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.alidav.drive.ByteRange;
import org.alidav.drive.ContentProbe;
import org.alidav.drive.Copier;
import org.alidav.drive.CrossCopier;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.ExactReader;
import org.alidav.drive.Features;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.HealthReporter;
import org.alidav.drive.Link;
import org.alidav.drive.LazySizes;
import org.alidav.drive.Linker;
import org.alidav.drive.Maintained;
import org.alidav.drive.ModTimeSetter;
import org.alidav.drive.Quota;
import org.alidav.drive.QuotaReporter;
import org.alidav.drive.Replacer;
import org.alidav.drive.Upload;
import org.alidav.drive.remote.LinkCache;

/**
 * A driver seen through paths: the op layer every WebDAV request goes through. It resolves paths by
 * walking cached listings, answers lookups of absent names from a fresh listing without calling the
 * backend, keeps listings current after its own writes, and checks the preconditions every driver
 * would otherwise check again (parent exists and is a folder, target name free).
 *
 * <p>Writes to one path run one at a time ({@link PathLocks}), from the lookup of what the path holds
 * to the update of the listing, so two writers never both create the name or both replace the same
 * old version. A name held by several items (made elsewhere) serves the newest; a DELETE removes them all.
 */
public final class Storage implements AutoCloseable {
    private final String name;
    private final Driver driver;
    private final Features features;
    private final ListingCache listings;
    private final QuotaCache quota;
    private final Clock clock;
    private final StorageHealth health;
    private final LongAdder uploadBytes = new LongAdder();
    private final LongAdder downloadBytes = new LongAdder();
    private final AtomicInteger activeStreams = new AtomicInteger();
    private final PathLocks locks = new PathLocks();
    private final DuplicateNames duplicates;
    private final LinkCache links;

    public Storage(String name, Driver driver, Duration listingTtl, Clock clock) {
        this(name, driver, CachePolicy.of(listingTtl), clock);
    }

    public Storage(String name, Driver driver, CachePolicy cachePolicy, Clock clock) {
        this.name = name;
        this.driver = driver;
        this.features = driver.features();
        features.checkImplementedBy(driver);
        this.listings = new ListingCache(cachePolicy, clock, BACKGROUND);
        this.quota = new QuotaCache(clock, cachePolicy.ttl());
        this.clock = clock;
        this.health = new StorageHealth(clock);
        this.duplicates = new DuplicateNames(name);
        this.links = new LinkCache(clock, Duration.ZERO);
    }

    /** Background refreshes of stale listings; daemon threads, so they never hold the JVM open. */
    private static final java.util.concurrent.Executor BACKGROUND = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "listing-refresh");
        t.setDaemon(true);
        return t;
    });

    public CacheStats cacheStats() {
        return listings.stats;
    }

    /** Folders whose listing is cached now, and the entries they hold. */
    public long cachedFolders() {
        return listings.folders();
    }

    public long cachedEntries() {
        return listings.entries();
    }

    /** What {@code GET /-/health} reports: credentials, last success, last error. */
    public StorageHealth.Report health() {
        return health.report(ability(Capability.TOKEN_HEALTH, HealthReporter.class).map(HealthReporter::tokenState).orElse(null), duplicates.all());
    }

    /** Body bytes received by {@link #put} so far. */
    public long uploadBytes() {
        return uploadBytes.sum();
    }

    /** Bytes read through {@link #open} so far. */
    public long downloadBytes() {
        return downloadBytes.sum();
    }

    /** Streams opened by {@link #open} and not closed yet. */
    public int activeStreams() {
        return activeStreams.get();
    }

    public String name() {
        return name;
    }

    /** What the driver offers beyond the SPI: every layer asks this, never the driver's type. */
    public Features features() {
        return features;
    }

    /** The driver as the interface of {@code capability}, when its features declare it (checked against the type at construction). */
    private <T> Optional<T> ability(Capability capability, Class<T> carrier) {
        return features.has(capability) ? Optional.of(carrier.cast(driver)) : Optional.empty();
    }

    /** The entry at {@code path}, or empty when nothing is there. */
    public Optional<Entry> find(DrivePath path) {
        if (path.isRoot()) return Optional.of(driver.root());
        Optional<Entry> parent = find(path.parent());
        if (parent.isEmpty() || !parent.get().folder()) return Optional.empty();
        return listing(path.parent(), parent.get()).get(path.name());
    }

    public Entry stat(DrivePath path) {
        return find(path).orElseThrow(() -> DriveException.notFound(path.toString()));
    }

    public List<Entry> list(DrivePath folder) {
        Entry e = stat(folder);
        if (!e.folder()) throw DriveException.conflict("not a folder: " + folder);
        return List.copyOf(listing(folder, e).entries());
    }

    private Listing listing(DrivePath path, Entry folder) {
        return listings.get(path, () -> {
            Listing fetched = Listing.of(tracked(() -> driver.list(folder)), clock.instant());
            duplicates.seen(path, fetched);
            return fetched;
        });
    }

    public Entry mkdir(DrivePath path) {
        try (PathLocks.Held held = locks.lock(path)) {
            Entry parent = parentFolder(path);
            if (find(path).isPresent()) throw DriveException.alreadyExists(path.toString());
            Entry created = clashAware(path, () -> tracked(() -> driver.mkdir(parent, path.name())));
            listings.update(path.parent(), l -> l.with(created));
            return created;
        }
    }

    /**
     * Writes a file, replacing an existing file of that name; a folder in the way is a conflict. When
     * the backend finds the name taken after all (made elsewhere, or by an upload of ours whose answer
     * was lost), a PUT still means "replace": with no body byte read yet it is retried at once as an
     * overwrite; otherwise the client hears 503 and its retry overwrites.
     */
    public Entry put(DrivePath path, InputStream body, long size, Instant modified, String sha1) {
        return put(path, body, size, modified, sha1, null);
    }

    /** As above; {@code probe} reads bytes of the content without the body (see {@link Upload#probe}), or null. */
    public Entry put(DrivePath path, InputStream body, long size, Instant modified, String sha1, ContentProbe probe) {
        try (PathLocks.Held held = locks.lock(path)) {
            LongAdder read = new LongAdder();
            InputStream counted = new CountingInputStream(body, n -> {
                read.add(n);
                uploadBytes.add(n);
            }, null);
            try {
                return putLocked(path, counted, size, modified, sha1, probe);
            } catch (DriveException e) {
                if (e.kind() != DriveException.Kind.ALREADY_EXISTS) throw e;
                if (read.sum() == 0) return putLocked(path, counted, size, modified, sha1, probe);
                throw DriveException.unavailable("the name " + path + " was taken meanwhile; try again to replace it",
                        java.time.Duration.ofSeconds(1), e);
            }
        }
    }

    private Entry putLocked(DrivePath path, InputStream body, long size, Instant modified, String sha1, ContentProbe probe) {
        Entry parent = parentFolder(path);
        Entry existing = find(path).orElse(null);
        if (existing != null && existing.folder()) throw DriveException.conflict("a folder is in the way: " + path);
        Entry written = clashAware(path, () -> tracked(() -> driver.put(parent, path.name(), new Upload(body, size, modified, sha1, existing, probe))));
        placed(path, written);
        quota.adjust(written.size() - (existing == null ? 0 : existing.size()));
        return written;
    }

    /**
     * Copies {@code entry} of {@code source}, another storage on the same backend store, to {@code to}
     * on the backend's side, replacing a file there; false (nothing done) when the stores differ.
     */
    public boolean copyFrom(Storage source, Entry entry, DrivePath to) {
        CrossCopier c = ability(Capability.CROSS_COPY, CrossCopier.class).orElse(null);
        if (c == null || !c.sharesStoreWith(source.driver)) return false;
        try (PathLocks.Held held = locks.lock(to)) {
            Entry parent = parentFolder(to);
            Entry existing = find(to).orElse(null);
            if (existing != null && (existing.folder() || entry.folder())) throw DriveException.conflict("a folder is in the way: " + to);
            Entry copied = clashAware(to, () -> tracked(() -> c.copyFrom(entry, parent, to.name(), existing)));
            if (existing != null) listings.invalidate(to);
            placed(to, copied);
            return true;
        }
    }

    /** Removes what {@code path} holds: every item of that name, the older copies first. */
    public void remove(DrivePath path) {
        if (path.isRoot()) throw DriveException.conflict("the storage root cannot be removed");
        try (PathLocks.Held held = locks.lock(path)) {
            Entry e = stat(path);
            List<Entry> older = olderCopies(path);
            tracked(() -> {
                for (Entry copy : older) driver.remove(copy);
                driver.remove(e);
                return e;
            });
            listings.update(path.parent(), l -> l.without(path.name()));
            listings.invalidate(path);
            duplicates.forget(path);
        }
    }

    /** Moves or renames to a free {@code to}. */
    public Entry move(DrivePath from, DrivePath to) {
        return move(from, to, false);
    }

    /**
     * Moves or renames to {@code to}; with {@code overwrite} an item there is replaced, removed only
     * once the moved one is in place where the driver can (a {@link Replacer}).
     */
    public Entry move(DrivePath from, DrivePath to, boolean overwrite) {
        try (PathLocks.Held held = locks.lock(from, to)) {
            Entry fromParent = stat(from.parent());
            Entry moved = transfer(from, to, overwrite, (e, newParent, existing) -> {
                if (existing == null) return driver.move(e, fromParent, newParent, to.name());
                Optional<Replacer> replacer = ability(Capability.REPLACE, Replacer.class);
                if (replacer.isPresent()) return replacer.get().moveOver(e, fromParent, newParent, existing);
                driver.remove(existing);
                return driver.move(e, fromParent, newParent, to.name());
            });
            listings.update(from.parent(), l -> l.without(from.name()));
            listings.invalidate(from);
            return moved;
        }
    }

    /** Copies a file or a folder tree to a free {@code to}. */
    public Entry copy(DrivePath from, DrivePath to) {
        return copy(from, to, false);
    }

    /** Copies to {@code to}; with {@code overwrite} an item there is replaced as {@link #move(DrivePath, DrivePath, boolean)} does. */
    public Entry copy(DrivePath from, DrivePath to, boolean overwrite) {
        try (PathLocks.Held held = locks.lock(from, to)) {
            return transfer(from, to, overwrite, (e, newParent, existing) -> copyOver(e, newParent, to.name(), existing));
        }
    }

    /** The driver call of a MOVE or COPY: the source, the destination's parent, and what it replaces (or null). */
    @FunctionalInterface
    private interface TransferCall {
        Entry run(Entry source, Entry newParent, Entry existing);
    }

    /** Checks a MOVE or COPY, runs it, and makes the destination's listing serve the result; under the caller's locks. */
    private Entry transfer(DrivePath from, DrivePath to, boolean overwrite, TransferCall call) {
        Entry e = stat(from);
        Entry newParent = targetParent(from, to);
        Entry existing = existingTarget(to, overwrite);
        Entry result = clashAware(to, () -> tracked(() -> call.run(e, newParent, existing)));
        if (existing != null) listings.invalidate(to);
        placed(to, result);
        return result;
    }

    private Entry copyOver(Entry source, Entry newParent, String newName, Entry existing) {
        Optional<Copier> copier = ability(Capability.COPY, Copier.class);
        Optional<Replacer> replacer = ability(Capability.REPLACE, Replacer.class);
        if (existing != null && replacer.isPresent() && copier.isPresent()) return replacer.get().copyOver(source, newParent, existing);
        boolean replaceByPut = existing != null && !source.folder() && !existing.folder() && copier.isEmpty();
        if (existing != null && !replaceByPut) driver.remove(existing);
        if (copier.isPresent()) return copier.get().copy(source, newParent, newName);
        return copyByStreaming(source, newParent, newName, replaceByPut ? existing : null);
    }

    private Entry copyByStreaming(Entry source, Entry newParent, String newName, Entry existing) {
        if (source.folder()) {
            Entry folder = driver.mkdir(newParent, newName);
            for (Entry child : driver.list(source)) copyByStreaming(child, folder, child.name(), null);
            return folder;
        }
        try (InputStream in = source.size() == 0 ? InputStream.nullInputStream() : driver.open(source, ByteRange.whole(source.size()))) {
            return driver.put(newParent, newName, new Upload(in, source.size(), source.modified(), source.sha1(), existing));
        } catch (IOException e) {
            throw DriveException.upstream("copy of " + source.name() + " failed", e);
        }
    }

    /** Our own write put {@code entry} under {@code path}: the cached listing serves it, its older copies are gone. */
    private void placed(DrivePath path, Entry entry) {
        listings.update(path.parent(), l -> l.with(entry));
        duplicates.forget(path);
    }

    private List<Entry> olderCopies(DrivePath path) {
        Entry parent = stat(path.parent());
        return listing(path.parent(), parent).olderCopies(path.name());
    }

    /** What {@code to} holds for an overwriting write, null when free; taken without {@code overwrite} is ALREADY_EXISTS. */
    private Entry existingTarget(DrivePath to, boolean overwrite) {
        Entry existing = find(to).orElse(null);
        if (existing != null && !overwrite) throw DriveException.alreadyExists(to.toString());
        return existing;
    }

    /**
     * Runs a write aimed at {@code target}. When the backend answers that the name is taken, our
     * listing of the folder was stale: drop it, so the client's retry sees what is really there.
     */
    private Entry clashAware(DrivePath target, java.util.function.Supplier<Entry> write) {
        try {
            return write.get();
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.ALREADY_EXISTS) listings.forget(target.parent());
            throw e;
        }
    }

    private Entry targetParent(DrivePath from, DrivePath to) {
        if (from.isRoot()) throw DriveException.conflict("the storage root cannot be moved or copied");
        if (to.startsWith(from)) throw DriveException.conflict("cannot move or copy " + from + " into itself");
        if (!to.isRoot() && from.startsWith(to)) throw DriveException.conflict("cannot replace " + to + ", which holds " + from);
        return parentFolder(to);
    }

    private Entry parentFolder(DrivePath path) {
        if (path.isRoot()) throw DriveException.conflict("the storage root already exists");
        Entry parent = find(path.parent()).orElseThrow(() -> DriveException.conflict("no parent folder: " + path.parent()));
        if (!parent.folder()) throw DriveException.conflict("parent is not a folder: " + path.parent());
        return parent;
    }

    /** The bytes of {@code range}; counted as an active stream until closed. */
    public InputStream open(Entry file, ByteRange range) {
        InputStream in = tracked(() -> driver.open(file, range));
        activeStreams.incrementAndGet();
        return new CountingInputStream(in, downloadBytes::add, activeStreams::decrementAndGet);
    }

    /**
     * Exactly {@code length} bytes of {@code file} from {@code offset}, asked of the backend as just
     * those where the driver can ({@link ExactReader}); a rapid upload's proof of a copy reads so.
     */
    public byte[] readExactly(Entry file, long offset, int length) throws IOException {
        Optional<ExactReader> exact = ability(Capability.EXACT_READS, ExactReader.class);
        if (exact.isPresent()) {
            ExactReader r = exact.get();
            byte[] bytes = tracked(() -> r.readExactly(file, offset, length));
            downloadBytes.add(bytes.length);
            return bytes;
        }
        try (InputStream in = open(file, new ByteRange(offset, offset + length - 1))) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) throw new IOException(file.name() + " ended before byte " + (offset + length));
            return bytes;
        }
    }

    /**
     * {@code file} (found at {@code path}) with the size GET and HEAD serve: a driver that learns some
     * sizes only on a read measures now, and the cached listing keeps the size, so PROPFIND agrees.
     */
    public Entry served(DrivePath path, Entry file) {
        Optional<LazySizes> lazy = ability(Capability.LAZY_SIZES, LazySizes.class);
        if (lazy.isEmpty()) return file;
        Entry served = tracked(() -> lazy.get().served(file));
        if (served.size() != file.size()) listings.update(path.parent(), l -> l.with(served));
        return served;
    }

    /**
     * A direct URL for the file when the driver has one, to hand to a client: one driver call per
     * file at a time, and the link reused while it has half its life left (the client keeps it for
     * its whole download). The key holds the file's size and time too, so a file changed in place
     * under the same id gets a new link.
     */
    public Optional<Link> link(Entry file) {
        return ability(Capability.LINKS, Linker.class)
                .map(l -> links.fresh(file.id() + '\n' + file.size() + '\n' + file.modified(), () -> tracked(() -> l.link(file))));
    }

    /**
     * The space used and available, asked at most once per listing TTL: PROPFIND answers carry it for
     * every folder, so without this cache each of them costs an API call. Our own uploads adjust the
     * cached figures.
     */
    public Optional<Quota> quota() {
        return ability(Capability.QUOTA, QuotaReporter.class).map(q -> quota.get(() -> tracked(q::quota)));
    }

    /**
     * The quota if a recent answer is cached, never asking the backend: an upload's early 507 check
     * must not cost a call of its own, since the backend refuses an upload that does not fit anyway.
     */
    public Optional<Quota> knownQuota() {
        return quota.current();
    }

    /** Runs a driver call, noting its success or its failure for the health report. */
    private <T> T tracked(Supplier<T> call) {
        try {
            T value = call.get();
            health.succeeded();
            return value;
        } catch (DriveException e) {
            health.failed(e);
            throw e;
        }
    }

    /** Sets the modification time where the driver can; returns the entry as it is afterwards. */
    public Entry setModified(DrivePath path, Instant modified) {
        try (PathLocks.Held held = locks.lock(path)) {
            Entry e = stat(path);
            Optional<ModTimeSetter> setter = ability(Capability.SET_MOD_TIME, ModTimeSetter.class);
            if (setter.isEmpty()) return e;
            ModTimeSetter m = setter.get();
            Entry updated = m.setModified(e, modified);
            if (!path.isRoot()) listings.update(path.parent(), l -> l.with(updated));
            return updated;
        }
    }

    /**
     * One maintenance pass: the driver finishes interrupted writes and removes leftovers, and, where
     * the storage is set to, older copies of duplicated names go to the recycle bin. What is still
     * pending afterwards is reported by {@link #health}.
     */
    public void maintain() {
        Optional<Maintained> maintained = ability(Capability.MAINTENANCE, Maintained.class);
        if (maintained.isEmpty()) return;
        Maintained m = maintained.get();
        try {
            health.pending(m.maintain());
            duplicates.all().forEach((path, older) -> retire(m, path, older));
        } catch (DriveException e) {
            health.failed(e);
            throw e;
        }
    }

    private void retire(Maintained m, DrivePath path, List<Entry> older) {
        try (PathLocks.Held held = locks.lock(path)) {
            boolean retired = false;
            for (Entry copy : older) retired |= m.retireOlderCopy(copy);
            if (!retired) return;
            duplicates.forget(path);
            listings.forget(path.parent());
        }
    }

    /**
     * Drops cached listings at and below {@code path}, so the next request asks the backend (the admin
     * endpoint and SIGHUP use it; the root drops everything, the cached quota too). Answers how many
     * listings were dropped.
     */
    public int invalidate(DrivePath path) {
        if (path.isRoot()) quota.forget();
        return listings.invalidate(path);
    }

    @Override
    public void close() {
        driver.close();
    }
}

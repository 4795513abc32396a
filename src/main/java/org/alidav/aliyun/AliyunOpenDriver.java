package org.alidav.aliyun;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alidav.aliyun.ApiModel.CreateResult;
import org.alidav.aliyun.ApiModel.PersonalSpace;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Copier;
import org.alidav.drive.CrossCopier;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.ExactReader;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Features;
import org.alidav.drive.LazySizes;
import org.alidav.drive.Link;
import org.alidav.drive.Linker;
import org.alidav.drive.Maintained;
import org.alidav.drive.ModTimeSetter;
import org.alidav.drive.Quota;
import org.alidav.drive.QuotaReporter;
import org.alidav.drive.Replacer;
import org.alidav.drive.Upload;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.drive.remote.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of an AliyunDrive account through the Open API; each operation delegates to its part. Every
 * write that gives an item a name goes through {@link Replacement} (journaled, side by side), and
 * {@link #maintain} finishes what a crash or a failed cleanup left.
 */
final class AliyunOpenDriver implements Driver, Copier, Replacer, Maintained, Linker, LazySizes, QuotaReporter, ModTimeSetter,
        ExactReader, CrossCopier, org.alidav.drive.HealthReporter {
    private static final Logger LOG = LoggerFactory.getLogger(AliyunOpenDriver.class);
    /**
     * Listings carry each file's SHA-1 ({@code content_hash}; not a live photo's, served as one of
     * its streams); times go to the API and the state store
     * in milliseconds; the cloud can hold two items of one name (made by other clients, or by a
     * create whose answer was lost).
     */
    private static final Features FEATURES = new Features(java.util.EnumSet.of(Capability.COPY,
            Capability.REPLACE, Capability.CROSS_COPY, Capability.LINKS, Capability.QUOTA, Capability.SET_MOD_TIME,
            Capability.EXACT_READS, Capability.LAZY_SIZES, Capability.TOKEN_HEALTH, Capability.MAINTENANCE),
            java.util.Set.of(Features.HashType.SHA1), java.time.Duration.ofMillis(1), true);
    private final OpenApi api;
    private final FileMapper mapper;
    private final Entry root;
    private final Remover remover;
    private final java.time.Clock clock;
    private final ListingLinks listingLinks;
    private final LivpSizer livp;
    private final Relocator relocator;
    private final Uploader uploader;
    private final CreateResend creates;
    private final Downloads downloads;
    private final StorageTokens tokens;
    private final ReplaceJournal journal;
    private final Replacement replacement;
    private final JournalRepair repair;
    private final KeptModifiedTimes times;
    private final Path spoolDir;
    private final boolean repairDuplicates;

    /** The parts of a driver, wired by {@link AliyunOpenDriverFactory}. */
    record Parts(OpenApi api, FileMapper mapper, ListingLinks listingLinks, Downloads downloads,
                 Relocator relocator, Remover remover, Uploader uploader, CreateResend creates, java.time.Clock clock, StorageTokens tokens,
                 ReplaceJournal journal, Replacement replacement, JournalRepair repair, KeptModifiedTimes times) {
    }

    /**
     * @param spoolDir         the spool folder, swept of files earlier processes left
     * @param repairDuplicates {@code repair_duplicates}: older copies of a name go to the recycle bin
     */
    AliyunOpenDriver(Parts parts, String rootFolderId, Path spoolDir, boolean repairDuplicates) {
        this.api = parts.api();
        this.mapper = parts.mapper();
        this.listingLinks = parts.listingLinks();
        this.downloads = parts.downloads();
        this.relocator = parts.relocator();
        this.root = Entry.folder(rootFolderId, "", Instant.EPOCH);
        this.remover = parts.remover();
        this.uploader = parts.uploader();
        this.creates = parts.creates();
        this.clock = parts.clock();
        this.tokens = parts.tokens();
        this.journal = parts.journal();
        this.replacement = parts.replacement();
        this.repair = parts.repair();
        this.times = parts.times();
        this.spoolDir = spoolDir;
        this.repairDuplicates = repairDuplicates;
        this.livp = new LivpSizer(downloads::servedSize);
    }

    @Override
    public Features features() {
        return FEATURES;
    }

    @Override
    public Entry root() {
        return root;
    }

    /**
     * Items a finished replace has superseded, or a failed one left, are hidden until the repair removes
     * them. The listing costs nothing more: the links it carries are kept for reads, and no live photo
     * is measured here.
     */
    @Override
    public List<Entry> list(Entry folder) {
        java.util.Set<String> hidden = journal.hiddenIds();
        return api.listAll(folder.id()).stream()
                .filter(FileMapper::visible)
                .filter(item -> !hidden.contains(item.fileId()))
                .map(this::listed)
                .toList();
    }

    private Entry listed(ApiModel.FileItem item) {
        listingLinks.take(item);
        return times.applied(livp.listed(mapper.toEntry(item), item, mapper));
    }

    /**
     * {@code refuse} answering {@code exist:true} is ALREADY_EXISTS: the op layer only asks for a free
     * name, so an existing item means its cache was stale, and MKCOL on an existing name must fail.
     */
    @Override
    public Entry mkdir(Entry parent, String name) {
        CreateResult created;
        try {
            created = creates.send(new CreateResend.Creation(parent.id(), name, "folder", null),
                    () -> api.create(java.util.Map.of("parent_file_id", parent.id(), "name", name, "type", "folder",
                            "check_name_mode", "refuse")));
        } catch (OpenApiException e) {
            if (!e.mayHaveApplied()) throw e;
            // the answer was lost: the folder is there if the create happened
            return api.listAll(parent.id()).stream()
                    .filter(i -> "folder".equals(i.type()) && name.equals(i.displayName()))
                    .findFirst().map(mapper::toEntry).orElseThrow(() -> e);
        }
        if (created.existed()) throw DriveException.alreadyExists(name);
        return Entry.folder(created.fileId(), name, clock.instant());
    }

    @Override
    public Entry put(Entry parent, String name, Upload upload) {
        Entry written = uploader.put(parent, name, upload);
        // a live photo just written is listed with the size GET will serve, not its package's
        try {
            return livp.served(written);
        } catch (DriveException e) {
            LOG.warn("could not measure the live photo {} just written; its first read will: {}", name, e.getMessage());
            return written;
        }
    }

    @Override
    public Entry move(Entry entry, Entry fromParent, Entry newParent, String newName) {
        return times.applied(relocator.move(entry, fromParent.id(), newParent, newName, OpenApi.REFUSE));
    }

    @Override
    public Entry copy(Entry entry, Entry newParent, String newName) {
        return replacement.run(ReplaceJournal.Kind.COPY, newParent.id(), newName, null, entry.id(),
                (begun, created) -> relocator.copy(entry, newParent, newName, OpenApi.REFUSE, begun, created));
    }

    @Override
    public Entry moveOver(Entry entry, Entry fromParent, Entry newParent, Entry existing) {
        return times.applied(replacement.run(ReplaceJournal.Kind.MOVE, newParent.id(), existing.name(), existing, entry.id(),
                (begun, created) -> relocator.move(entry, fromParent.id(), newParent, existing.name(), OpenApi.IGNORE)));
    }

    @Override
    public Entry copyOver(Entry entry, Entry newParent, Entry existing) {
        return replacement.run(ReplaceJournal.Kind.COPY, newParent.id(), existing.name(), existing, entry.id(),
                (begun, created) -> relocator.copy(entry, newParent, existing.name(), OpenApi.IGNORE, begun, created));
    }

    /** Another mount of the same drive (drive ids are the service's, unique across accounts). */
    @Override
    public boolean sharesStoreWith(Driver other) {
        return other instanceof AliyunOpenDriver o && o.api.driveId().equals(api.driveId());
    }

    @Override
    public Entry copyFrom(Entry entry, Entry newParent, String newName, Entry existing) {
        return existing == null ? copy(entry, newParent, newName) : copyOver(entry, newParent, existing);
    }

    /** Trash or delete per {@code remove_way}; an item already gone counts as removed, a lost answer is looked up. */
    @Override
    public void remove(Entry entry) {
        remover.remove(entry);
        times.forget(entry.id());
    }

    /**
     * The Open API takes a modification time only at create ({@code local_modified_at}, from
     * {@code X-OC-Mtime}); one set later is kept in the state store and shown until the content changes.
     */
    @Override
    public Entry setModified(Entry entry, Instant modified) {
        return times.keep(entry, modified);
    }

    /** Finishes the journaled writes nobody runs, and deletes spool files of earlier processes. */
    @Override
    public List<String> maintain() {
        try {
            int swept = Spool.sweep(spoolDir);
            if (swept > 0) LOG.info("deleted {} spool files left by an earlier process", swept);
        } catch (java.io.IOException e) {
            LOG.warn("could not sweep the spool folder: {}", e.getMessage());
        }
        return repair.run().stream()
                .map(s -> s.kind() + " of " + s.name() + ": " + s.state() + ", " + s.attempts() + " failed attempts"
                        + (s.lastError() == null ? "" : " (" + s.lastError() + ")") + ", started " + s.started())
                .toList();
    }

    /** Always to the recycle bin, whatever {@code remove_way}: an older copy may still be what a user wants. */
    @Override
    public boolean retireOlderCopy(Entry olderCopy) {
        if (!repairDuplicates) return false;
        try {
            api.trash(olderCopy.id());
        } catch (DriveException e) {
            if (e.kind() != DriveException.Kind.NOT_FOUND && !(OpenApiException.uncertain(e) && remover.gone(olderCopy.id()))) throw e;
        }
        return true;
    }

    /** Through the user's download gate, resuming at the current byte when the link dies or the body breaks. */
    @Override
    public InputStream open(Entry file, ByteRange range) {
        if (range.length() == 0) return InputStream.nullInputStream();
        return downloads.open(file, range);
    }

    /** One bounded Range request (a rapid-upload proof of a copy from here reads 8 bytes, nothing more). */
    @Override
    public byte[] readExactly(Entry file, long offset, int length) {
        return downloads.readExactly(file, offset, length);
    }

    @Override
    public Link link(Entry file) {
        return downloads.link(file);
    }

    @Override
    public Entry served(Entry file) {
        return livp.served(file);
    }

    /** The API this driver calls (tests make items behind its back, as another client would). */
    OpenApi api() {
        return api;
    }

    /** The journal of this storage's writes (tests look at what is pending). */
    ReplaceJournal journal() {
        return journal;
    }

    /** The user's download gate (tests and metrics). */
    DownloadGate downloadGate() {
        return downloads.gate();
    }

    @Override
    public TokenState tokenState() {
        return tokens.state();
    }

    /** Leaves the token chain: the last storage of an account to go ends it. */
    @Override
    public void close() {
        tokens.close();
    }

    @Override
    public Quota quota() {
        PersonalSpace space = api.spaceInfo().personalSpaceInfo();
        if (space == null) throw DriveException.upstream("getSpaceInfo answered no personal_space_info", null);
        return new Quota(space.usedSize(), space.totalSize());
    }

}

package org.alidav.drive.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names held by more than one item, as the listings last fetched showed them (another client, the
 * AliyunDrive app or an interrupted write made them). The newest copy is served; the older ones are
 * reported in the health answer and the log, once per name, until a listing no longer shows them.
 */
final class DuplicateNames {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateNames.class);

    private final String storage;
    private final Map<DrivePath, List<Entry>> olderCopies = new ConcurrentHashMap<>();

    DuplicateNames(String storage) {
        this.storage = storage;
    }

    /** Takes note of what a fresh listing of {@code folder} shows. */
    void seen(DrivePath folder, Listing listing) {
        olderCopies.keySet().removeIf(p -> !p.isRoot() && p.parent().equals(folder) && listing.olderCopies(p.name()).isEmpty());
        listing.duplicates().forEach((name, older) -> {
            DrivePath path = folder.child(name);
            if (olderCopies.put(path, older) == null) {
                LOG.warn("storage {}: {} is held by {} items; serving the newest ({}), the older ones are {}", storage, path, older.size() + 1,
                        listing.get(name).map(Entry::id).orElse("?"), older.stream().map(Entry::id).toList());
            }
        });
    }

    /** The name no longer has older copies (removed, or replaced by our own write). */
    void forget(DrivePath path) {
        olderCopies.remove(path);
    }

    /** Every name with older copies, and those copies. */
    Map<DrivePath, List<Entry>> all() {
        return Map.copyOf(olderCopies);
    }
}

package org.alidav.aliyun;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alidav.drive.Entry;
import org.alidav.state.Sql;
import org.alidav.state.StateStore;

/**
 * Modification times set after an upload (PROPPATCH of {@code Win32LastModifiedTime} or
 * {@code DAV:getlastmodified}), which the Open API cannot store: {@code local_modified_at} is only
 * taken at create. They are kept in table {@code modified_times} of {@code state.db}, per storage and
 * {@code file_id}, with the version they were set on (content hash and size): a time shows until the
 * item's content changes, and survives renames and moves, which keep the id. Every row is also held in
 * memory, so a listing costs no query (rows are few: one per file a client re-timed).
 */
final class KeptModifiedTimes {
    private record Kept(String version, Instant modified) {
    }

    private final StateStore store;
    private final String storage;
    private final Map<String, Kept> byId = new ConcurrentHashMap<>();

    KeptModifiedTimes(StateStore store, String storage) {
        this.store = store;
        this.storage = storage;
        store.schema("""
                CREATE TABLE IF NOT EXISTS modified_times (
                  storage TEXT NOT NULL,
                  file_id TEXT NOT NULL,
                  version TEXT NOT NULL,
                  modified INTEGER NOT NULL,
                  PRIMARY KEY (storage, file_id))""");
        store.read(c -> Sql.query(c, "SELECT file_id, version, modified FROM modified_times WHERE storage = ?",
                row -> byId.put(row.getString(1), new Kept(row.getString(2), Instant.ofEpochMilli(row.getLong(3)))), storage));
    }

    /** Keeps {@code modified} for the item as it is now; answers it with that time. */
    Entry keep(Entry entry, Instant modified) {
        String version = version(entry);
        store.write(c -> Sql.update(c, "INSERT OR REPLACE INTO modified_times (storage, file_id, version, modified) VALUES (?, ?, ?, ?)",
                storage, entry.id(), version, modified.toEpochMilli()));
        byId.put(entry.id(), new Kept(version, modified));
        return entry.withModified(modified);
    }

    /** The entry with its kept time, if one was set on this version; a time of an older version is forgotten. */
    Entry applied(Entry entry) {
        Kept kept = byId.get(entry.id());
        if (kept == null) return entry;
        if (kept.version().equals(version(entry))) return entry.withModified(kept.modified());
        forget(entry.id());
        return entry;
    }

    void forget(String fileId) {
        if (byId.remove(fileId) == null) return;
        store.write(c -> Sql.update(c, "DELETE FROM modified_times WHERE storage = ? AND file_id = ?", storage, fileId));
    }

    private static String version(Entry entry) {
        return entry.folder() ? "folder" : entry.size() + ":" + entry.sha1();
    }
}

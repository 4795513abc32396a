package org.alidav.aliyun;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alidav.state.StateStore;

/**
 * The writes of one storage that put a new item under a name, recorded in the state database before
 * each step that changes the cloud, so that a crash, a lost answer or a failed cleanup can be finished
 * later: by {@link JournalRepair} at start and on every maintenance pass.
 *
 * <p>An entry moves through {@link State}s; it is deleted when nothing is left to do. Entries of a
 * write still running in this process are {@linkplain #isLive live} and left alone by the repair.
 */
final class ReplaceJournal {
    /** What put the new item under the name. */
    enum Kind { PUT, MOVE, COPY }

    /** Where a write stands. */
    enum State {
        /** About to create the new item; its id is not known yet, the old one is untouched. */
        BEGUN,
        /** The new item exists ({@code new_id}) but is not yet complete or in place. */
        CREATED,
        /** The new item is complete and in place: it is what the name serves; the old one must go. */
        COMPLETE,
        /** The write failed: the new item must go, the old one stays. */
        ABANDONED
    }

    /**
     * One write. {@code oldId} is null for a new name; {@code sourceId} is the item a move or copy
     * takes (null for a PUT); {@code newId} null until created (a move's is its source from the start).
     * {@code started} bounds when the cloud can have made the new item, for finding one whose answer
     * was lost ({@link Leftovers}). {@code attempts} counts failed removals and repairs, {@code lastError} the latest one.
     */
    record Step(long id, Kind kind, String parentId, String name, String oldId, String sourceId, String newId, State state,
                Instant started, int attempts, String lastError) {
        Step in(State next, String newItem) {
            return new Step(id, kind, parentId, name, oldId, sourceId, newItem, next, started, attempts, lastError);
        }
    }

    private final StateStore store;
    private final String storage;
    private final Clock clock;
    private final Set<Long> live = ConcurrentHashMap.newKeySet();

    ReplaceJournal(StateStore store, String storage, Clock clock) {
        this.store = store;
        this.storage = storage;
        this.clock = clock;
        store.schema("""
                CREATE TABLE IF NOT EXISTS replace_journal (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  storage TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  parent_id TEXT NOT NULL,
                  name TEXT NOT NULL,
                  old_id TEXT,
                  new_id TEXT,
                  source_id TEXT,
                  state TEXT NOT NULL,
                  started_at INTEGER NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT)""",
                "CREATE INDEX IF NOT EXISTS replace_journal_storage ON replace_journal (storage)");
        addSourceColumn();
    }

    /** A journal written before copies recorded their source gets the column (its entries have none). */
    private void addSourceColumn() {
        boolean present = store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(replace_journal)")) {
                while (rs.next()) {
                    if ("source_id".equals(rs.getString("name"))) return true;
                }
                return false;
            }
        });
        if (!present) store.schema("ALTER TABLE replace_journal ADD COLUMN source_id TEXT");
    }

    /**
     * Records a write about to start. {@code sourceId}: the item a move or copy takes, null for a PUT;
     * a move's new item is its source, known from the start.
     */
    Step begin(Kind kind, String parentId, String name, String oldId, String sourceId) {
        String newId = kind == Kind.MOVE ? sourceId : null;
        State state = newId == null ? State.BEGUN : State.CREATED;
        Instant started = Instant.ofEpochMilli(clock.millis());
        long id = store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO replace_journal (storage, kind, parent_id, name, old_id, "
                    + "new_id, source_id, state, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, storage);
                ps.setString(2, kind.name());
                ps.setString(3, parentId);
                ps.setString(4, name);
                setNullable(ps, 5, oldId);
                setNullable(ps, 6, newId);
                setNullable(ps, 7, sourceId);
                ps.setString(8, state.name());
                ps.setLong(9, started.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        live.add(id);
        return new Step(id, kind, parentId, name, oldId, sourceId, newId, state, started, 0, null);
    }

    Step created(Step s, String newId) {
        set(s.id(), "new_id = ?, state = 'CREATED'", newId);
        return s.in(State.CREATED, newId);
    }

    Step complete(Step s) {
        set(s.id(), "state = ?", State.COMPLETE.name());
        return s.in(State.COMPLETE, s.newId());
    }

    Step abandoned(Step s) {
        set(s.id(), "state = ?", State.ABANDONED.name());
        return s.in(State.ABANDONED, s.newId());
    }

    /** A repair or cleanup of {@code s} failed; the entry stays for the next pass. */
    void failed(Step s, String error) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE replace_journal SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                ps.setString(1, error);
                ps.setLong(2, s.id());
                return ps.executeUpdate();
            }
        });
    }

    /** Nothing is left to do for {@code s}. */
    void end(Step s) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM replace_journal WHERE id = ?")) {
                ps.setLong(1, s.id());
                return ps.executeUpdate();
            }
        });
        live.remove(s.id());
    }

    /** The running write lets go of {@code s}: what is left of it is the repair's to finish. */
    void leave(Step s) {
        live.remove(s.id());
    }

    boolean isLive(Step s) {
        return live.contains(s.id());
    }

    /** True when a write of this process is running under {@code s}'s name (it may be making an item there now). */
    boolean liveWriteUnder(Step s) {
        return entries().stream().anyMatch(e -> isLive(e) && e.parentId().equals(s.parentId()) && e.name().equals(s.name()));
    }

    /** Every entry of this storage, oldest first. */
    List<Step> entries() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, parent_id, name, old_id, source_id, new_id, state, "
                    + "started_at, attempts, last_error FROM replace_journal WHERE storage = ? ORDER BY id")) {
                ps.setString(1, storage);
                List<Step> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Step(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), State.valueOf(rs.getString(8)),
                                Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Ids the name must not serve: items a complete write has replaced but not yet removed (the name
     * serves the new item), and new items of a failed write not yet removed (the name keeps the old one).
     */
    Set<String> hiddenIds() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE state WHEN 'COMPLETE' THEN old_id ELSE new_id END "
                    + "FROM replace_journal WHERE storage = ? AND state IN ('COMPLETE', 'ABANDONED')")) {
                ps.setString(1, storage);
                Set<String> out = new java.util.HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** {@code assignment} sets columns from one parameter, its value. */
    private void set(long id, String assignment, String value) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE replace_journal SET " + assignment + " WHERE id = ?")) {
                ps.setString(1, value);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR);
        else ps.setString(index, value);
    }
}

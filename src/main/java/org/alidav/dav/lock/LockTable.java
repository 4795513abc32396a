package org.alidav.dav.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.alidav.state.Sql;
import org.alidav.state.StateStore;

/**
 * The granted locks on disk, in the state database's {@code locks} table, so that a client holding a
 * lock token can still write and unlock after the server restarted. {@link LockManager} writes every
 * grant, refresh and release through before it answers.
 */
public final class LockTable {
    private final StateStore state;

    public LockTable(StateStore state) {
        this.state = state;
        state.schema("""
                CREATE TABLE IF NOT EXISTS locks (
                    token TEXT PRIMARY KEY,
                    root TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    depth TEXT NOT NULL,
                    owner_xml TEXT NOT NULL,
                    principal TEXT,
                    timeout_ms INTEGER NOT NULL,
                    expires_ms INTEGER NOT NULL)""");
    }

    /** Drops the locks expired at {@code now} and answers the others. */
    List<ActiveLock> loadLive(Instant now) {
        return state.write(c -> {
            Sql.update(c, "DELETE FROM locks WHERE expires_ms <= ?", now.toEpochMilli());
            return Sql.query(c, "SELECT token, root, scope, depth, owner_xml, principal, timeout_ms, expires_ms FROM locks ORDER BY expires_ms",
                    row -> new ActiveLock(row.getString(1), row.getString(2), LockScope.valueOf(row.getString(3)),
                            LockDepth.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                            Duration.ofMillis(row.getLong(7)), Instant.ofEpochMilli(row.getLong(8))));
        });
    }

    /** Stores a new lock, or the new timeout of a refreshed one. */
    void save(ActiveLock lock) {
        state.write(c -> Sql.update(c, "INSERT OR REPLACE INTO locks (token, root, scope, depth, owner_xml, principal, timeout_ms, expires_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lock.token(), lock.root(), lock.scope().name(), lock.depth().name(),
                lock.ownerXml(), lock.principal(), lock.timeout().toMillis(), lock.expires().toEpochMilli()));
    }

    /** Removes released, expired or orphaned locks. */
    void delete(Collection<String> tokens) {
        if (tokens.isEmpty()) return;
        state.write(c -> {
            for (String token : tokens) Sql.update(c, "DELETE FROM locks WHERE token = ?", token);
            return null;
        });
    }
}

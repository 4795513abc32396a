package org.alidav.dav.props;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.alidav.dav.mount.Location;
import org.alidav.dav.resource.LocationData;
import org.alidav.state.Sql;
import org.alidav.state.StateStore;

/**
 * Properties that clients set with PROPPATCH and the server only keeps ("dead" properties, RFC 4918
 * §4.1), one row per property in the state database's {@code dead_props} table. Keys are storage name
 * + path, so entries follow their resources on MOVE and COPY and go away on DELETE. A value is the
 * property element's content as XML text, so values with markup round-trip.
 *
 * <p>Nothing is cached: every read is an indexed lookup, every change a transaction touching only
 * the rows it changes, so memory and write cost do not grow with the amount stored. A subtree is a
 * range of path keys ({@code /a} and everything from {@code /a/} up to {@code /a0}, '0' following '/'
 * in byte order), which needs no LIKE pattern and so no escaping of {@code %} or {@code _} in names.
 */
public final class DeadPropertyStore implements LocationData {
    private static final String SUBTREE = "storage = ? AND (path = ? OR (path > ? AND path < ?))";

    private final StateStore state;
    private final PropertyLimits limits;
    /**
     * False while the table has never held a row: then every {@link #get} is answered without a query.
     * An allprop PROPFIND asks once per entry, and most servers never see a PROPPATCH. Set before
     * anything is written, never cleared (a query that finds nothing is still correct).
     */
    private volatile boolean mayHoldRows;

    public DeadPropertyStore(StateStore state, PropertyLimits limits) {
        this.state = state;
        this.limits = limits;
        state.schema("""
                CREATE TABLE IF NOT EXISTS dead_props (
                    storage TEXT NOT NULL,
                    path TEXT NOT NULL,
                    name TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (storage, path, name))""");
        mayHoldRows = !state.read(c -> Sql.query(c, "SELECT 1 FROM dead_props LIMIT 1", row -> row.getInt(1))).isEmpty();
    }

    /** The properties of one resource, by name. */
    public Map<QName, String> get(Location at) {
        if (!mayHoldRows) return new LinkedHashMap<>();
        List<Map.Entry<QName, String>> rows = state.read(c -> Sql.query(c,
                "SELECT name, value FROM dead_props WHERE storage = ? AND path = ? ORDER BY name",
                row -> Map.entry(QName.valueOf(row.getString(1)), row.getString(2)), at.storageKey(), key(at)));
        Map<QName, String> out = new LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Sets (non-null value) and removes (null value) properties of one resource, all or nothing. */
    public void apply(Location at, Map<QName, String> changes) throws PropertyLimitExceeded {
        apply(at.storageKey(), key(at), changes);
    }

    /** As {@link #apply(Location, Map)}, by the storage's name and the path's key. */
    void apply(String storage, String path, Map<QName, String> changes) throws PropertyLimitExceeded {
        if (changes.isEmpty()) return;
        mayHoldRows = true;
        Optional<QName> refused = state.write(c -> {
            Map<String, Integer> stored = new HashMap<>();
            for (Map.Entry<String, Integer> e : Sql.query(c, "SELECT name, bytes FROM dead_props WHERE storage = ? AND path = ?",
                    row -> Map.entry(row.getString(1), row.getInt(2)), storage, path)) {
                stored.put(e.getKey(), e.getValue());
            }
            Optional<QName> over = limits.firstRefused(stored, changes);
            if (over.isEmpty()) write(c, storage, path, changes);
            return over;
        });
        if (refused.isPresent()) throw new PropertyLimitExceeded(refused.get(), limits);
    }

    private static void write(Connection c, String storage, String path, Map<QName, String> changes) throws SQLException {
        for (Map.Entry<QName, String> change : changes.entrySet()) {
            String name = change.getKey().toString();
            if (change.getValue() == null) {
                Sql.update(c, "DELETE FROM dead_props WHERE storage = ? AND path = ? AND name = ?", storage, path, name);
            } else {
                Sql.update(c, "INSERT OR REPLACE INTO dead_props (storage, path, name, bytes, value) VALUES (?, ?, ?, ?, ?)",
                        storage, path, name, PropertyLimits.size(change.getKey(), change.getValue()), change.getValue());
            }
        }
    }

    /** Moves the properties of {@code from} and everything below it; what {@code to} had is replaced. */
    @Override
    public void move(Location from, Location to) {
        if (!mayHoldRows) return;
        state.write(c -> {
            copyRows(c, from, to, true);
            return Sql.update(c, "DELETE FROM dead_props WHERE " + SUBTREE, subtree(from));
        });
    }

    /** Copies the properties of {@code from}, and of everything below it when {@code deep}; what {@code to} had is replaced. */
    @Override
    public void copy(Location from, Location to, boolean deep) {
        if (!mayHoldRows) return;
        state.write(c -> copyRows(c, from, to, deep));
    }

    /** Drops the properties of {@code at} and everything below it. */
    @Override
    public void delete(Location at) {
        if (!mayHoldRows) return;
        state.write(c -> Sql.update(c, "DELETE FROM dead_props WHERE " + SUBTREE, subtree(at)));
    }

    private static int copyRows(Connection c, Location from, Location to, boolean deep) throws SQLException {
        Sql.update(c, "DELETE FROM dead_props WHERE " + SUBTREE, subtree(to));
        Sql.update(c, "INSERT INTO dead_props (storage, path, name, bytes, value) SELECT ?, ?, name, bytes, value FROM dead_props"
                + " WHERE storage = ? AND path = ?", to.storageKey(), key(to), from.storageKey(), key(from));
        if (!deep) return 0;
        // below /a/ becomes below /b/: the new key is the target's prefix + what follows the source's prefix
        return Sql.update(c, "INSERT INTO dead_props (storage, path, name, bytes, value)"
                        + " SELECT ?, ? || substr(path, length(?) + 1), name, bytes, value FROM dead_props"
                        + " WHERE storage = ? AND path > ? AND path < ?",
                to.storageKey(), below(key(to)), below(key(from)), from.storageKey(), below(key(from)), end(key(from)));
    }

    private static Object[] subtree(Location at) {
        String path = key(at);
        return new Object[]{at.storageKey(), path, below(path), end(path)};
    }

    private static String key(Location at) {
        return at.path().toString();
    }

    /** The prefix every path below {@code path} starts with. */
    private static String below(String path) {
        return path.equals("/") ? "/" : path + "/";
    }

    /** The first key after every path below {@code path}. */
    private static String end(String path) {
        return path.equals("/") ? "0" : path + "0";
    }
}

package org.alidav.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aCommittedWriteIsThereAfterReopeningAndAFailedOneIsNot() {
        Path file = dir.resolve("state.db");
        try (StateStore store = StateStore.open(file)) {
            store.schema("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT)");
            store.write(c -> insert(c, "a", "1"));
            assertThrows(IllegalStateException.class, () -> store.write(c -> {
                insert(c, "b", "2");
                throw new IllegalStateException("half-way");
            }));
        }
        try (StateStore store = StateStore.open(file)) {
            assertEquals("1", value(store, "a"));
            assertEquals(null, value(store, "b"));
        }
    }

    private static Integer insert(java.sql.Connection c, String k, String v) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            ps.setString(1, k);
            ps.setString(2, v);
            return ps.executeUpdate();
        }
    }

    private static String value(StateStore store, String k) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}

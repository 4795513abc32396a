package org.alidav.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;

/**
 * The server's lasting state under {@code data_dir}: one SQLite database in WAL mode. Every write is
 * a transaction that is on disk when {@link #write} returns, so a {@code kill -9} loses nothing that
 * was acknowledged. Each component that keeps state creates its own tables through {@link #schema}
 * when it starts; tables are named after the component ({@code dead_props}, {@code locks}...).
 *
 * <p>One connection serves all callers, one at a time: SQLite serialises writers anyway, and the
 * state's reads are small indexed lookups.
 */
public final class StateStore implements AutoCloseable {
    /** A piece of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private StateStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating when absent) the database at {@code file}. */
    public static StateStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // the driver we ship, asked directly: DriverManager's first use loads every JDBC driver on the class path
            Connection c = JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode: a process crash loses nothing committed; only a power cut may
                // lose the last transactions, never corrupt the file.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return new StateStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new StateException("cannot open the state database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Runs DDL statements ({@code CREATE TABLE IF NOT EXISTS ...}) in one transaction. */
    public void schema(String... statements) {
        write(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : statements) s.execute(ddl);
            }
            return null;
        });
    }

    /** Runs {@code work} without a transaction of its own (a read, or one statement). */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StateException("state database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T write(Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("state database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException("closing the state database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

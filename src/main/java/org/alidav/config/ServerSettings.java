package org.alidav.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code server:} section.
 *
 * @param host                address to bind, e.g. 127.0.0.1, 0.0.0.0 or ::1
 * @param port                TCP port; 0 picks a free one
 * @param dataDir             absolute directory of the server's state (rotated tokens, sandbox, shadow files)
 * @param logLevel            one of {@link #LOG_LEVELS}
 * @param spool               absolute {@code spool_dir} where upload bodies are buffered, or null for
 *                            {@code <data_dir>/spool} (see {@link #spoolDir})
 * @param maintenanceInterval how often interrupted writes are repaired and leftovers removed
 */
public record ServerSettings(String host, int port, Path dataDir, String logLevel, Path spool, Duration maintenanceInterval) {
    public static final List<String> LOG_LEVELS = List.of("info", "debug", "warn");
    public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(5);

    public ServerSettings {
        if (maintenanceInterval == null) maintenanceInterval = DEFAULT_MAINTENANCE_INTERVAL;
    }

    /** The defaults for the spool folder and the maintenance interval. */
    public ServerSettings(String host, int port, Path dataDir, String logLevel) {
        this(host, port, dataDir, logLevel, null, null);
    }

    /** Where upload bodies are buffered on disk: {@code spool_dir}, else {@code <data_dir>/spool}. */
    public Path spoolDir() {
        return spool != null ? spool : dataDir.resolve("spool");
    }
}

package org.alidav.config;

import java.nio.file.Path;
import java.util.List;
import org.alidav.server.guard.ClientLimits;

/**
 * The {@code server:} section.
 *
 * @param host     address to bind, e.g. 127.0.0.1, 0.0.0.0 or ::1
 * @param port     TCP port; 0 picks a free one
 * @param dataDir  absolute directory of the server's state (rotated tokens, sandbox, shadow files)
 * @param logLevel one of {@link #LOG_LEVELS}
 * @param limits   slow-client protection: minimum data rates, connections per address, threads for bodies
 */
public record ServerSettings(String host, int port, Path dataDir, String logLevel, ClientLimits limits) {
    public static final List<String> LOG_LEVELS = List.of("info", "debug", "warn");

    /** Settings with the {@linkplain ClientLimits#DEFAULTS default limits}. */
    public ServerSettings(String host, int port, Path dataDir, String logLevel) {
        this(host, port, dataDir, logLevel, ClientLimits.DEFAULTS);
    }
}

package org.alidav.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code server:} section.
 *
 * @param host     address to bind, e.g. 127.0.0.1, 0.0.0.0 or ::1
 * @param port     TCP port; 0 picks a free one
 * @param dataDir  absolute directory of the server's state (rotated tokens, sandbox, shadow files)
 * @param logLevel one of {@link #LOG_LEVELS}
 */
public record ServerSettings(String host, int port, Path dataDir, String logLevel) {
    public static final List<String> LOG_LEVELS = List.of("info", "debug", "warn");
}

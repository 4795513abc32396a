package org.alidav.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The parsed command line, see {@link Cli#parse}.
 *
 * @param sandbox serve an offline emulator of the drive instead of the real one
 */
public record CliArgs(Command command, Optional<Path> config, Optional<String> host, Optional<Integer> port,
                      Optional<Path> dataDir, boolean sandbox, boolean help, boolean version) {

    public enum Command {
        /** Run the WebDAV server (no subcommand given). */
        SERVE,
        /** Read a password from stdin and print its hash for the {@code users:} section. */
        HASH_PASSWORD
    }
}

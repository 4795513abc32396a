package org.alidav.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The parsed command line, see {@link Cli#parse}.
 *
 * @param mount   {@code login --mount}: the storage to log in
 * @param sandbox serve an offline emulator of the drive instead of the real one
 */
public record CliArgs(Command command, Optional<Path> config, Optional<String> host, Optional<Integer> port,
                      Optional<Path> dataDir, Optional<String> mount, boolean sandbox, boolean help, boolean version) {

    public enum Command {
        /** Run the WebDAV server (no subcommand given). */
        SERVE(""),
        /** Log an aliyundrive-open storage in with a QR code and save its refresh token. */
        LOGIN("login"),
        /** Read a password from stdin and print its hash for the {@code users:} section. */
        HASH_PASSWORD("hash-password"),
        /** Print every key of the config file with its type, default and help. */
        OPTIONS("options");

        private final String word;

        Command(String word) {
            this.word = word;
        }

        /** How the command line names it ("" for serving, the default). */
        public String word() {
            return word;
        }
    }
}

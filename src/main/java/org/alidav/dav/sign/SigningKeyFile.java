package org.alidav.dav.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key of signed download links when the config sets none: generated once, kept in the data
 * directory (readable by its owner only), so links stay valid across restarts.
 */
public final class SigningKeyFile {
    private SigningKeyFile() {
    }

    /** The configured secret if given, else the stored key, else a new random key stored at {@code file}. */
    public static byte[] load(String configured, Path file) {
        if (configured != null && !configured.isEmpty()) return configured.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.exists(file)) return HexFormat.of().parseHex(Files.readString(file).trim());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, HexFormat.of().formatHex(key));
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the link signing key " + file, e);
        }
    }
}

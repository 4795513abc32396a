package org.alidav.aliyun;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotated refresh token on disk. A refresh token is single use, so a new one is written (temp
 * file, fsync, atomic rename) before anything uses the access token issued with it: a crash can then
 * never leave the server holding only a consumed token.
 */
final class TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private final Path file;

    TokenStore(Path stateDir) {
        this.file = stateDir.resolve("aliyundrive-open-token.json");
    }

    Path file() {
        return file;
    }

    /**
     * The state to start from: the stored one when it descends from the configured token (or holds
     * it), else a fresh chain from the config, because a user who pasted a new token means it.
     */
    TokenState initial(String configToken) {
        String origin = fingerprint(configToken);
        Optional<TokenState> stored = load();
        if (stored.isPresent()) {
            TokenState s = stored.get();
            if (origin.equals(s.origin()) || configToken.equals(s.refreshToken())) return s;
            LOG.info("refresh_token in the config changed since {} was written; using the config's token", file);
        }
        return new TokenState(origin, configToken, null);
    }

    Optional<TokenState> load() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            TokenState s = Json.MAPPER.readValue(file.toFile(), TokenState.class);
            return s.refreshToken() == null || s.refreshToken().isBlank() ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable token state {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void save(TokenState state) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = Json.MAPPER.writeValueAsString(state).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            restrictToOwner(tmp);
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    private static void restrictToOwner(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's permissions have to do
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some platforms cannot fsync a directory; the file itself is synced
        }
    }

    static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

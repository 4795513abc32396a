package org.alidav.aliyun;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token state file of one token chain. A refresh token is single use, so a new one is written
 * (temp file, fsync, atomic rename) before anything uses the access token issued with it: a crash can
 * then never leave the server holding only a consumed token.
 *
 * <p>Other processes write the same file: {@code alidav login}, or a user replacing it. The store
 * remembers the {@link Stamp} of the file as this process last read or wrote it, so that
 * {@link #changedOnDisk()} tells, with one {@code stat}, whether someone else saved a token since.
 */
final class TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private final Path file;
    private final Path legacyFile;
    private volatile Stamp seen;

    /**
     * What identifies one version of the file: an atomic rename gives a new file key (inode), and
     * an edit in place changes the time or the size.
     */
    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    /**
     * @param file       the chain's file
     * @param legacyFile where a storage kept its token before chains were shared (read once, when
     *                   {@code file} does not exist yet), or null
     */
    TokenStore(Path file, Path legacyFile) {
        this.file = file;
        this.legacyFile = legacyFile;
        this.seen = stamp();
    }

    Path file() {
        return file;
    }

    /**
     * The state to start from, or empty when there is no token at all (the storage needs a login):
     * the stored one when it descends from the configured token (or holds it), else a fresh chain
     * from the config, because a user who pasted a new token means it. Without a configured token
     * whatever was stored (by a login) is used.
     */
    Optional<TokenState> initial(String configToken) {
        Optional<TokenState> stored = load().or(this::legacy);
        if (configToken == null || configToken.isBlank()) return stored;
        String origin = fingerprint(configToken);
        if (stored.isPresent()) {
            TokenState s = stored.get();
            if (origin.equals(s.origin()) || configToken.equals(s.refreshToken())) return stored;
            LOG.info("refresh_token in the config changed since {} was written; using the config's token", file);
        }
        return Optional.of(new TokenState(origin, configToken, null));
    }

    /** The stored state, if the file holds one; remembers the version read. */
    Optional<TokenState> load() {
        seen = stamp();
        return read(file);
    }

    /** True when the file is not the version this process last read or wrote. */
    boolean changedOnDisk() {
        return !Objects.equals(seen, stamp());
    }

    void save(TokenState state) throws IOException {
        write(file, state);
        seen = stamp();
    }

    /**
     * Writes {@code state} to {@code target} atomically with owner-only permissions, for this store and
     * for whoever else saves a token (a login).
     */
    static void write(Path target, TokenState state) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        byte[] bytes = Json.MAPPER.writeValueAsString(state).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            restrictToOwner(tmp);
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    private Optional<TokenState> legacy() {
        if (legacyFile == null || Files.exists(file)) return Optional.empty();
        Optional<TokenState> s = read(legacyFile);
        s.ifPresent(x -> LOG.info("token state taken over from {}; it is kept in {} from now on", legacyFile, file));
        return s;
    }

    private static Optional<TokenState> read(Path p) {
        if (!Files.exists(p)) return Optional.empty();
        try {
            TokenState s = Json.MAPPER.readValue(p.toFile(), TokenState.class);
            return s.refreshToken() == null || s.refreshToken().isBlank() ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable token state {}: {}", p, e.getMessage());
            return Optional.empty();
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("cannot stat {}: {}", file, e.toString());
            return seen;
        }
    }

    private static void restrictToOwner(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's permissions have to do
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
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

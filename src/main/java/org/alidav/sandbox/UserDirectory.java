package org.alidav.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts and their drives, persisted to {@code users.json}. */
final class UserDirectory {
    private static final long FIRST_DRIVE_ID = 9_600_001L;

    private final Path file;
    private final SandboxOptions options;
    private final Map<String, SandboxUser> byName = new LinkedHashMap<>();
    private final Map<String, SandboxUser> byUserId = new LinkedHashMap<>();
    private final Map<String, SandboxUser> byDriveId = new LinkedHashMap<>();
    private long nextDriveId = FIRST_DRIVE_ID;

    UserDirectory(Path dataDir, SandboxOptions options) {
        this.file = dataDir.resolve("users.json");
        this.options = options;
        if (Files.exists(file)) {
            try {
                List<SandboxUser> users = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<SandboxUser>>() { });
                users.forEach(this::index);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    synchronized SandboxUser getOrCreate(String name) {
        SandboxUser existing = byName.get(name);
        if (existing != null) {
            return existing;
        }
        SandboxUser user = new SandboxUser(name, Ids.hex(32), name,
                Long.toString(nextDriveId), Long.toString(nextDriveId + 1), Long.toString(nextDriveId + 2));
        index(user);
        AtomicFiles.writeJson(file, new ArrayList<>(byName.values()));
        return user;
    }

    synchronized Optional<SandboxUser> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    synchronized Optional<SandboxUser> byUserId(String userId) {
        return Optional.ofNullable(byUserId.get(userId));
    }

    /** Drive ids the user has authorised the app for (options may hide resource/backup). */
    List<String> accessibleDrives(SandboxUser user) {
        List<String> ids = new ArrayList<>();
        ids.add(user.defaultDriveId());
        if (!options.omitResourceDrive()) {
            ids.add(user.resourceDriveId());
        }
        if (!options.omitBackupDrive()) {
            ids.add(user.backupDriveId());
        }
        return ids;
    }

    private void index(SandboxUser u) {
        byName.put(u.name(), u);
        byUserId.put(u.userId(), u);
        for (String d : u.allDriveIds()) {
            byDriveId.put(d, u);
            nextDriveId = Math.max(nextDriveId, Long.parseLong(d) + 1);
        }
    }
}

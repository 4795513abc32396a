package org.alidav.sandbox;

import java.util.List;

/** An emulated account: 32-hex user id and its three drive ids (decimal strings, like the real ones). */
public record SandboxUser(
        String name,
        String userId,
        String nickName,
        String defaultDriveId,
        String resourceDriveId,
        String backupDriveId) {

    List<String> allDriveIds() {
        return List.of(defaultDriveId, resourceDriveId, backupDriveId);
    }
}

package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code user/getDriveInfo} and {@code user/getSpaceInfo}. */
final class UserHandlers {
    private final SandboxOptions options;
    private final UserDirectory users;
    private final SpaceMeter space;

    UserHandlers(SandboxOptions options, UserDirectory users, SpaceMeter space) {
        this.options = options;
        this.users = users;
        this.space = space;
    }

    void register(ApiRoutes routes) {
        routes.post("user/getDriveInfo", RateLimiter.RateClass.OTHER, this::driveInfo);
        routes.post("user/getSpaceInfo", RateLimiter.RateClass.OTHER, this::spaceInfo);
    }

    private Object driveInfo(ApiCall call) {
        SandboxUser u = call.user();
        List<String> drives = users.accessibleDrives(u);
        ObjectNode o = Json.object();
        o.put("user_id", u.userId());
        o.put("name", u.nickName());
        o.put("avatar", "");
        o.put("default_drive_id", u.defaultDriveId());
        if (drives.contains(u.resourceDriveId())) {
            o.put("resource_drive_id", u.resourceDriveId());
        }
        if (drives.contains(u.backupDriveId())) {
            o.put("backup_drive_id", u.backupDriveId());
        }
        return o;
    }

    private Object spaceInfo(ApiCall call) {
        ObjectNode info = Json.object();
        info.put("used_size", space.used(call.user()));
        info.put("total_size", options.totalSpaceBytes());
        ObjectNode o = Json.object();
        o.set("personal_space_info", info);
        return o;
    }
}

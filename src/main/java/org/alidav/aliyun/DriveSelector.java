package org.alidav.aliyun;

import java.util.function.Consumer;
import org.alidav.aliyun.ApiModel.DriveInfo;
import org.alidav.drive.DriveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the drive id from getDriveInfo on first use rather than at start, so a storage whose token is
 * dead or whose network is down still lets the server start. Falls back to the default drive when
 * the chosen one is not authorised (docs/open-api.md, "Drives").
 */
final class DriveSelector {
    private static final Logger LOG = LoggerFactory.getLogger(DriveSelector.class);
    private final OpenApiClient client;
    private final String driveType;
    private final Consumer<String> onUser;
    private volatile String driveId;

    DriveSelector(OpenApiClient client, String driveType, Consumer<String> onUser) {
        this.client = client;
        this.driveType = driveType;
        this.onUser = onUser;
    }

    String driveId() {
        String id = driveId;
        return id != null ? id : select();
    }

    private synchronized String select() {
        if (driveId != null) return driveId;
        DriveInfo info = client.post("/adrive/v1.0/user/getDriveInfo", null, ApiCall.read(Bucket.OTHER), DriveInfo.class);
        String chosen = switch (driveType) {
            case "resource" -> info.resourceDriveId();
            case "backup" -> info.backupDriveId();
            default -> info.defaultDriveId();
        };
        if (chosen == null || chosen.isBlank()) {
            if (info.defaultDriveId() == null || info.defaultDriveId().isBlank()) {
                throw DriveException.upstream("getDriveInfo named no drive at all", null);
            }
            LOG.warn("the account has no {} drive authorised for this app; using the default drive {}", driveType, info.defaultDriveId());
            chosen = info.defaultDriveId();
        }
        if (info.userId() != null && !info.userId().isBlank()) onUser.accept(info.userId());
        driveId = chosen;
        return chosen;
    }
}

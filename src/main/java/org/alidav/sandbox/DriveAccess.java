package org.alidav.sandbox;

/**
 * Resolves drive and file ids of a call with the service's error rules: foreign drive → 403,
 * unknown or deleted id → 404 NotFound.FileId, anything in the recycle bin → ForbiddenFileInTheRecycleBin.
 */
final class DriveAccess {
    private final FileTree tree;
    private final UserDirectory users;
    private final SandboxOptions options;

    DriveAccess(FileTree tree, UserDirectory users, SandboxOptions options) {
        this.tree = tree;
        this.users = users;
        this.options = options;
    }

    FileTree tree() {
        return tree;
    }

    /** The body's {@code drive_id}, checked against the caller's authorised drives. */
    String drive(ApiCall call) {
        return checkDrive(call, call.body().requireText("drive_id"));
    }

    String checkDrive(ApiCall call, String driveId) {
        if (!users.accessibleDrives(call.user()).contains(driveId)) {
            throw new ApiException(403, "UserNotAllowedAccessDrive", "user not allowed access drive " + driveId);
        }
        return driveId;
    }

    /** A visible (completed, not trashed) file or folder. */
    FileNode active(String driveId, String fileId) {
        FileNode n = existing(driveId, fileId);
        if (tree.inRecycleBin(n)) {
            throw recycleBin();
        }
        return n;
    }

    /** A completed item, possibly in the recycle bin (what delete accepts). */
    FileNode existing(String driveId, String fileId) {
        FileNode n = tree.get(fileId).orElse(null);
        if (n == null || !n.driveId().equals(driveId) || n.state() == FileNode.State.UPLOADING) {
            throw ApiException.notFoundFile(fileId);
        }
        return n;
    }

    /** Any item of the drive, an unfinished upload too (what delete accepts: it discards the session). */
    FileNode anyState(String driveId, String fileId) {
        FileNode n = tree.get(fileId).orElse(null);
        if (n == null || !n.driveId().equals(driveId)) throw ApiException.notFoundFile(fileId);
        return n;
    }

    /** A folder id usable as a parent: {@code root} or a visible folder. */
    String folder(String driveId, String folderId) {
        if (FileNode.ROOT.equals(folderId)) {
            return folderId;
        }
        FileNode n = active(driveId, folderId);
        if (!n.isFolder()) {
            throw ApiException.badRequest("InvalidParameter.ParentFileId", "The parent " + folderId + " is not a folder");
        }
        return folderId;
    }

    ApiException recycleBin() {
        return new ApiException(options.recycleBinStatus(), "ForbiddenFileInTheRecycleBin",
                "This operation is forbidden for file in the recycle bin. File is in the recycle bin");
    }
}

package org.alidav.sandbox;

import java.util.HashSet;
import java.util.Set;

/** Used space of an account (trashed files count, incomplete uploads do not) and the quota check. */
final class SpaceMeter {
    private final FileTree tree;
    private final SandboxOptions options;

    SpaceMeter(FileTree tree, SandboxOptions options) {
        this.tree = tree;
        this.options = options;
    }

    long used(SandboxUser user) {
        Set<String> drives = new HashSet<>(user.allDriveIds());
        long sum = 0;
        for (FileNode n : tree.matching(n -> drives.contains(n.driveId()) && n.state() != FileNode.State.UPLOADING
                && n.size() != null)) {
            sum += n.size();
        }
        return sum;
    }

    /** Throws QuotaExhausted.Drive if adding {@code bytes} would exceed the account's total. */
    void ensureRoom(SandboxUser user, long bytes) {
        if (bytes > 0 && used(user) + bytes > options.totalSpaceBytes()) {
            throw ApiException.badRequest("QuotaExhausted.Drive", "The drive has exceeded its quota");
        }
    }
}

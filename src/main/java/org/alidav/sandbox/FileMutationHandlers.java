package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Routes that change the tree: update, move, copy, recyclebin/trash, delete, async_task/get. */
final class FileMutationHandlers {
    private final DriveAccess access;
    private final FileTree tree;
    private final BlobStore blobs;
    private final PartStore parts;
    private final AsyncTasks tasks;
    private final SpaceMeter space;
    private final Clock clock;

    FileMutationHandlers(DriveAccess access, BlobStore blobs, PartStore parts, AsyncTasks tasks, SpaceMeter space,
                         Clock clock) {
        this.access = access;
        this.tree = access.tree();
        this.blobs = blobs;
        this.parts = parts;
        this.tasks = tasks;
        this.space = space;
        this.clock = clock;
    }

    void register(ApiRoutes routes) {
        routes.post("openFile/update", RateLimiter.RateClass.OTHER, this::update);
        routes.post("openFile/move", RateLimiter.RateClass.OTHER, this::move);
        routes.post("openFile/copy", RateLimiter.RateClass.OTHER, this::copy);
        routes.post("openFile/recyclebin/trash", RateLimiter.RateClass.OTHER, this::trash);
        routes.post("openFile/delete", RateLimiter.RateClass.OTHER, this::delete);
        routes.post("openFile/async_task/get", RateLimiter.RateClass.OTHER, this::asyncTask);
    }

    /** Rename / star. Without check_name_mode a same-named sibling is simply duplicated (observed). */
    private Object update(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        synchronized (tree) {
            FileNode n = access.active(drive, b.requireText("file_id"));
            long now = clock.millis();
            String name = b.text("name");
            if (name != null && !name.equals(n.name())) {
                NameRules.validate(name);
                NameRules.Mode mode = NameRules.Mode.parse(b.text("check_name_mode"), NameRules.Mode.IGNORE);
                boolean taken = !tree.visibleNamed(drive, n.parentId(), name).isEmpty();
                if (taken && mode == NameRules.Mode.REFUSE) {
                    throw new ApiException(409, "AlreadyExist.File", "The resource file has already exists. " + name);
                }
                if (taken && mode == NameRules.Mode.AUTO_RENAME) {
                    name = NameRules.autoRename(tree, drive, n.parentId(), name);
                }
                n = n.withName(name, now);
            }
            if (b.text("starred") != null) {
                n = n.withStarred(b.bool("starred", false), now);
            }
            tree.put(n);
            return FileView.of(n);
        }
    }

    /** Move; documented default check_name_mode is refuse → {@code exist:true} and nothing moves. */
    private Object move(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        String toDrive = b.text("to_drive_id", drive);
        if (!toDrive.equals(drive)) {
            throw ApiException.badRequest("InvalidParameter.ToDriveId", "moving to another drive is not supported");
        }
        synchronized (tree) {
            FileNode n = access.active(drive, b.requireText("file_id"));
            String target = access.folder(drive, b.requireText("to_parent_file_id"));
            if (n.isFolder() && tree.isSameOrBelow(target, n.fileId())) {
                throw ApiException.badRequest("InvalidParameter.ToParentFileId", "cannot move a folder into itself");
            }
            NameRules.Mode mode = NameRules.Mode.parse(b.text("check_name_mode"), NameRules.Mode.REFUSE);
            String name = n.name();
            if (conflicts(n, drive, target, name) && b.text("new_name") != null) {
                name = NameRules.validate(b.text("new_name"));
            }
            ObjectNode o = Json.object();
            o.put("drive_id", drive);
            o.put("file_id", n.fileId());
            if (conflicts(n, drive, target, name)) {
                if (mode == NameRules.Mode.REFUSE) {
                    o.put("exist", true);
                    return o;
                }
                if (mode == NameRules.Mode.AUTO_RENAME) {
                    name = NameRules.autoRename(tree, drive, target, name);
                }
            }
            tree.put(n.movedTo(drive, target, name, clock.millis()));
            o.put("exist", false);
            return o;
        }
    }

    /** File copies are synchronous; folder copies finish in the background behind an async_task_id. */
    private Object copy(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        String toDrive = access.checkDrive(call, b.text("to_drive_id", drive));
        boolean autoRename = b.bool("auto_rename", false);
        ObjectNode o = Json.object();
        synchronized (tree) {
            FileNode src = access.active(drive, b.requireText("file_id"));
            String target = access.folder(toDrive, b.requireText("to_parent_file_id"));
            if (src.isFolder() && tree.isSameOrBelow(target, src.fileId())) {
                throw ApiException.badRequest("InvalidParameter.ToParentFileId", "cannot copy a folder into itself");
            }
            List<FileNode> subtree = tree.subtree(src.fileId()).stream()
                    .filter(n -> n.state() == FileNode.State.AVAILABLE).toList();
            space.ensureRoom(call.user(), subtree.stream().mapToLong(n -> n.size() == null ? 0 : n.size()).sum());
            String name = autoRename ? NameRules.autoRename(tree, toDrive, target, src.name()) : src.name();
            long now = clock.millis();
            FileNode top = src.copiedAs(Ids.fileId(), toDrive, target, name, now);
            tree.put(top);
            o.put("drive_id", toDrive);
            o.put("file_id", top.fileId());
            if (src.isFolder()) {
                o.put("async_task_id", tasks.submit(() -> copyBelow(subtree, src.fileId(), top, toDrive)));
            }
        }
        return o;
    }

    private void copyBelow(List<FileNode> subtree, String srcTopId, FileNode top, String toDrive) {
        Map<String, String> newIds = new HashMap<>();
        newIds.put(srcTopId, top.fileId());
        long now = clock.millis();
        for (FileNode n : subtree) {
            String newParent = newIds.get(n.parentId());
            if (n.fileId().equals(srcTopId) || newParent == null) {
                continue; // the top is already there; items under uploads/trash were filtered out
            }
            FileNode copy = n.copiedAs(Ids.fileId(), toDrive, newParent, n.name(), now);
            newIds.put(n.fileId(), copy.fileId());
            tree.put(copy);
        }
    }

    private Object trash(ApiCall call) {
        String drive = access.drive(call);
        ObjectNode o = Json.object();
        synchronized (tree) {
            FileNode n = access.existing(drive, call.body().requireText("file_id"));
            if (tree.inRecycleBin(n)) {
                throw access.recycleBin();
            }
            tree.put(n.trashed(clock.millis()));
            o.put("drive_id", drive);
            o.put("file_id", n.fileId());
            if (n.isFolder()) {
                o.put("async_task_id", tasks.finished());
            }
        }
        return o;
    }

    /**
     * Permanent delete (also of items in the recycle bin, and of unfinished uploads, whose session ends);
     * unreferenced contents are dropped.
     */
    private Object delete(ApiCall call) {
        String drive = access.drive(call);
        ObjectNode o = Json.object();
        List<FileNode> removed;
        synchronized (tree) {
            FileNode n = access.anyState(drive, call.body().requireText("file_id"));
            removed = tree.removeSubtree(n.fileId());
            o.put("drive_id", drive);
            o.put("file_id", n.fileId());
            if (n.isFolder()) {
                o.put("async_task_id", tasks.finished());
            }
        }
        for (FileNode r : removed) {
            if (r.state() == FileNode.State.UPLOADING && r.uploadId() != null) {
                parts.discard(r.uploadId());
            }
            synchronized (tree) { // rapid upload and complete check blob existence under the same lock
                if (r.contentHash() != null && !tree.blobReferenced(r.contentHash())) {
                    blobs.delete(r.contentHash());
                }
            }
        }
        return o;
    }

    private Object asyncTask(ApiCall call) {
        String id = call.body().requireText("async_task_id");
        ObjectNode o = Json.object();
        o.put("async_task_id", id);
        o.put("state", tasks.state(id).name());
        return o;
    }

    private boolean conflicts(FileNode self, String drive, String parent, String name) {
        return tree.visibleNamed(drive, parent, name).stream().anyMatch(x -> !x.fileId().equals(self.fileId()));
    }
}

package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The file object of a node, as list/get/update/complete return it (docs/open-api.md, "Answers"). */
final class FileView {
    private FileView() {
    }

    static ObjectNode of(FileNode n) {
        ObjectNode o = Json.object();
        o.put("drive_id", n.driveId());
        o.put("file_id", n.fileId());
        o.put("parent_file_id", n.parentId());
        o.put("name", n.name());
        o.put("type", n.type());
        o.put("created_at", Json.time(n.createdAt()));
        o.put("updated_at", Json.time(n.updatedAt()));
        if (n.localCreatedAt() != null) {
            o.put("local_created_at", n.localCreatedAt());
        }
        if (n.localModifiedAt() != null) {
            o.put("local_modified_at", n.localModifiedAt());
        }
        o.put("status", n.state() == FileNode.State.UPLOADING ? "uploading" : "available");
        o.put("hidden", false);
        o.put("starred", n.starred());
        o.put("trashed", n.state() == FileNode.State.TRASHED);
        if (n.trashedAt() != null) {
            o.put("trashed_at", Json.time(n.trashedAt()));
        }
        o.put("punish_flag", 0);
        if (!n.isFolder()) {
            if (n.size() != null) {
                o.put("size", n.size());
            }
            o.put("file_extension", FileTypes.extension(n.name()));
            o.put("category", FileTypes.category(n.name()));
            o.put("mime_type", FileTypes.mime(n.name()));
            if (n.contentHash() != null) {
                o.put("content_hash", n.contentHash());
                o.put("content_hash_name", "sha1");
            }
        }
        return o;
    }

    /** The root folder, which is not stored as a node. */
    static ObjectNode root(String driveId) {
        ObjectNode o = Json.object();
        o.put("drive_id", driveId);
        o.put("file_id", FileNode.ROOT);
        o.put("parent_file_id", "");
        o.put("name", "root");
        o.put("type", FileNode.FOLDER);
        o.put("status", "available");
        o.put("trashed", false);
        return o;
    }
}

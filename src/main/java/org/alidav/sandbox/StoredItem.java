package org.alidav.sandbox;

/**
 * What the emulated service holds for one file or folder, read from its own state (not through any
 * client), so a test can judge the end state of a write: live copies of a name, content hashes,
 * upload sessions never completed, items in the recycle bin.
 *
 * @param contentHash upper-case SHA-1 hex of a completed file's content, else null
 */
public record StoredItem(String fileId, String driveId, String parentId, String name, boolean folder,
                         String contentHash, Status status) {
    /** Listed ({@code LIVE}), an upload session not yet completed, or in the recycle bin (the item trashed). */
    public enum Status { LIVE, UPLOADING, TRASHED }

    static StoredItem of(FileNode n) {
        Status status = switch (n.state()) {
            case AVAILABLE -> Status.LIVE;
            case UPLOADING -> Status.UPLOADING;
            case TRASHED -> Status.TRASHED;
        };
        return new StoredItem(n.fileId(), n.driveId(), n.parentId(), n.name(), n.isFolder(), n.contentHash(), status);
    }
}

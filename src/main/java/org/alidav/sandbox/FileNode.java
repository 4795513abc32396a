package org.alidav.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Metadata of one file or folder. Immutable: every change stores a new value in the {@link FileTree}.
 * Only the item the user trashed carries {@code TRASHED}; its descendants are in the bin through it.
 */
record FileNode(
        String fileId,
        String driveId,
        String parentId,
        String name,
        String type,
        Long size,
        String contentHash,
        long createdAt,
        long updatedAt,
        String localCreatedAt,
        String localModifiedAt,
        State state,
        Long trashedAt,
        String uploadId,
        Long declaredSize,
        String declaredHash,
        boolean starred) {

    static final String ROOT = "root";
    static final String FILE = "file";
    static final String FOLDER = "folder";

    enum State { AVAILABLE, UPLOADING, TRASHED }

    @JsonIgnore
    boolean isFolder() {
        return FOLDER.equals(type);
    }

    @JsonIgnore
    boolean isVisible() {
        return state == State.AVAILABLE;
    }

    FileNode withName(String newName, long now) {
        return new FileNode(fileId, driveId, parentId, newName, type, size, contentHash, createdAt, now,
                localCreatedAt, localModifiedAt, state, trashedAt, uploadId, declaredSize, declaredHash, starred);
    }

    FileNode withStarred(boolean s, long now) {
        return new FileNode(fileId, driveId, parentId, name, type, size, contentHash, createdAt, now,
                localCreatedAt, localModifiedAt, state, trashedAt, uploadId, declaredSize, declaredHash, s);
    }

    FileNode movedTo(String newDriveId, String newParent, String newName, long now) {
        return new FileNode(fileId, newDriveId, newParent, newName, type, size, contentHash, createdAt, now,
                localCreatedAt, localModifiedAt, state, trashedAt, uploadId, declaredSize, declaredHash, starred);
    }

    FileNode trashed(long now) {
        return new FileNode(fileId, driveId, parentId, name, type, size, contentHash, createdAt, updatedAt,
                localCreatedAt, localModifiedAt, State.TRASHED, now, uploadId, declaredSize, declaredHash, starred);
    }

    /** Upload finished (parts assembled or rapid hit): the file becomes visible. */
    FileNode completed(long newSize, String sha1, long now) {
        return new FileNode(fileId, driveId, parentId, name, type, newSize, sha1, createdAt, now,
                localCreatedAt, localModifiedAt, State.AVAILABLE, null, uploadId, declaredSize, declaredHash, starred);
    }

    /** A copy with a fresh id, placed elsewhere. */
    FileNode copiedAs(String newId, String newDriveId, String newParent, String newName, long now) {
        return new FileNode(newId, newDriveId, newParent, newName, type, size, contentHash, now, now,
                localCreatedAt, localModifiedAt, State.AVAILABLE, null, null, null, null, false);
    }
}

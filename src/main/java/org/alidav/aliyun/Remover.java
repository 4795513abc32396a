package org.alidav.aliyun;

import org.alidav.aliyun.ApiModel.FileItem;
import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;

/**
 * Removes items. Whatever a user could have seen goes per {@code remove_way}, to the recycle bin or
 * for good; an unfinished upload, never visible, is deleted. An item already gone counts as removed,
 * and a removal whose answer was lost (no answer, 5xx) is settled by looking at the item: gone or in
 * the recycle bin means it happened.
 */
record Remover(OpenApi api, boolean deletePermanently) {
    private static final String IN_RECYCLE_BIN = "ForbiddenFileInTheRecycleBin";

    void remove(Entry entry) {
        remove(entry.id());
    }

    void remove(String fileId) {
        settle(fileId, deletePermanently, true);
    }

    /** Removes an item the way its state calls for: visible per {@code remove_way}, unfinished by delete. */
    void discard(String fileId) {
        FileItem item;
        try {
            item = api.get(fileId);
        } catch (DriveException e) {
            if (e instanceof OpenApiException o && o.is(IN_RECYCLE_BIN)) return;
            if (e.kind() == DriveException.Kind.NOT_FOUND) {
                // the service hides unfinished uploads from get: delete whatever is left of it, and
                // since get cannot tell whether a delete without answer happened, try again next time
                settle(fileId, true, false);
                return;
            }
            throw e;
        }
        boolean visible = FileMapper.visible(item);
        settle(fileId, deletePermanently || !visible, visible);
    }

    /** True when the item is no longer in its folder (deleted, or in the recycle bin). */
    boolean gone(String fileId) {
        try {
            api.get(fileId);
            return false;
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.NOT_FOUND) return true;
            throw e;
        }
    }

    /** {@code lookable}: get shows the item while it is there, so a lost answer can be settled by looking. */
    private void settle(String fileId, boolean delete, boolean lookable) {
        try {
            if (delete) api.delete(fileId);
            else api.trash(fileId);
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.NOT_FOUND) return;
            if (lookable && OpenApiException.uncertain(e) && gone(fileId)) return;
            throw e;
        }
    }
}

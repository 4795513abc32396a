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

    /**
     * {@code lookable}: get shows the item while it is there, so a lost answer can be settled by looking,
     * and a removal whose pooled connection broke before any answer is sent once more when the item is
     * still there. An unfinished upload cannot be looked at: removing it again is harmless, a removal
     * of what is gone answers not found.
     */
    private void settle(String fileId, boolean delete, boolean lookable) {
        try {
            send(fileId, delete);
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.NOT_FOUND) return;
            boolean resendable = e instanceof OpenApiException o && o.sentUnanswered();
            if (lookable && OpenApiException.uncertain(e) && gone(fileId)) return;
            if (!resendable) throw e;
            try {
                send(fileId, delete);
            } catch (DriveException again) {
                if (again.kind() != DriveException.Kind.NOT_FOUND) throw again;
            }
        }
    }

    private void send(String fileId, boolean delete) {
        if (delete) api.delete(fileId);
        else api.trash(fileId);
    }
}

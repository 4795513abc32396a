package org.alidav.aliyun;

import org.alidav.drive.DriveException;
import org.alidav.drive.Entry;

/** Removes per {@code remove_way}: to the recycle bin or for good. An item already gone counts as removed. */
record Remover(OpenApi api, boolean deletePermanently) {

    void remove(Entry entry) {
        try {
            if (deletePermanently) api.delete(entry.id());
            else api.trash(entry.id());
        } catch (DriveException e) {
            if (e.kind() != DriveException.Kind.NOT_FOUND) throw e;
        }
    }
}

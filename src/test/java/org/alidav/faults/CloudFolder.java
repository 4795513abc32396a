package org.alidav.faults;

import java.util.List;
import java.util.Set;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.StoredItem;

/**
 * A case's folder as the emulated service holds it, read from the sandbox's own state, never through
 * the server under test or its cache.
 */
record CloudFolder(String name, List<StoredItem> children) {
    /** The live top-level folder {@code name} of the user's drives and every item whose parent it is. */
    static CloudFolder read(SandboxServer sandbox, String user, String name) {
        List<StoredItem> all = sandbox.items(user);
        List<StoredItem> folders = all.stream().filter(i -> i.folder() && i.status() == StoredItem.Status.LIVE
                && "root".equals(i.parentId()) && name.equals(i.name())).toList();
        if (folders.size() != 1) throw new IllegalStateException(folders.size() + " live folders named " + name);
        String id = folders.get(0).fileId();
        return new CloudFolder(name, all.stream().filter(i -> id.equals(i.parentId())).toList());
    }

    /** Live files named {@code file}. */
    List<StoredItem> live(String file) {
        return children.stream().filter(i -> i.status() == StoredItem.Status.LIVE && i.name().equals(file)).toList();
    }

    /**
     * Upload sessions never completed (which the API lists nowhere: only the id from the create answer
     * reaches them), and live items under names the case does not use (temp files).
     */
    List<String> strays(Set<String> names) {
        return children.stream().filter(i -> i.status() == StoredItem.Status.UPLOADING
                        || (i.status() == StoredItem.Status.LIVE && !names.contains(i.name())))
                .map(i -> i.name() + (i.status() == StoredItem.Status.UPLOADING ? " (unfinished upload session)" : " (live)"))
                .toList();
    }
}

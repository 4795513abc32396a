package org.alidav.dav.mount;

import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;

/**
 * Where a WebDAV resource lives: a path inside one storage of one mount. {@code storage} is the
 * mount's storage or its shadow store (see {@link Mount#locate}).
 */
public record Location(Mount mount, Storage storage, DrivePath path) {
    public Location child(String name) {
        return mount.locate(path.child(name));
    }

    public Location parent() {
        return mount.locate(path.parent());
    }

    public String davPath() {
        return mount.davPath(path);
    }

    /** Key of this location in the dead-property store. */
    public String storageKey() {
        return storage.name();
    }

    public boolean sameStorage(Location other) {
        return storage == other.storage;
    }
}

package org.alidav.dav.mount;

import java.util.List;
import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;

/**
 * A storage mounted at a WebDAV path, with the shadow storage that holds its system files.
 *
 * @param at      the mount path as names ({@code []} for the root)
 * @param storage the storage behind the mount
 * @param shadow  where system files go; {@code storage} itself when the mount stores them
 */
public record Mount(List<String> at, Storage storage, Storage shadow) {
    public Mount {
        at = List.copyOf(at);
    }

    /** The storage that holds {@code path}: the shadow for system files, else the mounted one. */
    public Location locate(DrivePath path) {
        return new Location(this, SystemFiles.isSystemPath(path) ? shadow : storage, path);
    }

    public boolean storesSystemFiles() {
        return shadow == storage;
    }

    /** The decoded WebDAV path of a path inside this mount, such as {@code /ali/a/b.txt}. */
    public String davPath(DrivePath path) {
        StringBuilder sb = new StringBuilder();
        for (String n : at) sb.append('/').append(n);
        for (String n : path.names()) sb.append('/').append(n);
        return sb.length() == 0 ? "/" : sb.toString();
    }
}

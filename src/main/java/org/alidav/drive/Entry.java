package org.alidav.drive;

import java.time.Instant;
import java.util.Objects;

/**
 * One file or folder as a driver sees it. {@code id} is the driver's own handle (a file id in the
 * cloud, a relative path on disk): opaque to every other layer.
 *
 * @param id          the driver's handle, never null
 * @param name        the name inside its parent ("" for a storage root)
 * @param folder      true for folders
 * @param size        bytes for files, 0 for folders
 * @param modified    last modification time (the client's mtime where the driver keeps one)
 * @param created     creation time, or {@code modified} when the driver has none
 * @param sha1        lowercase hex SHA-1 of the content, or null when unknown
 * @param contentType MIME type the driver knows, or null to derive it from the name
 * @param stored      when the backend last stored or placed this item, by the backend's own clock
 *                    ({@code modified} when the driver has no such time): where a folder holds two
 *                    items of one name, the later stored one is the newer version, whatever mtime a
 *                    client set
 */
public record Entry(String id, String name, boolean folder, long size, Instant modified, Instant created,
                    String sha1, String contentType, Instant stored) {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modified, "modified");
        if (created == null) created = modified;
        if (stored == null) stored = modified;
        if (sha1 != null) sha1 = sha1.toLowerCase(java.util.Locale.ROOT);
    }

    /** An entry whose backend keeps no time of its own: {@code stored} is {@code modified}. */
    public Entry(String id, String name, boolean folder, long size, Instant modified, Instant created, String sha1,
                 String contentType) {
        this(id, name, folder, size, modified, created, sha1, contentType, null);
    }

    public static Entry folder(String id, String name, Instant modified) {
        return new Entry(id, name, true, 0, modified, modified, null, null);
    }

    public static Entry file(String id, String name, long size, Instant modified, String sha1) {
        return new Entry(id, name, false, size, modified, modified, sha1, null);
    }

    public Entry withName(String newName) {
        return new Entry(id, newName, folder, size, modified, created, sha1, contentType, stored);
    }

    /** The same item with another modification time ({@code stored}, the backend's own time, is kept). */
    public Entry withModified(Instant newModified) {
        return new Entry(id, name, folder, size, newModified, created, sha1, contentType, stored);
    }
}

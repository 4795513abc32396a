package org.alidav.dav.mount;

import org.alidav.drive.cache.Storage;

/**
 * One storage as the WebDAV tree shows it.
 *
 * @param mountPath        where it appears, such as {@code /} or {@code /ali} or {@code /a/b}
 * @param storage          the storage behind it
 * @param storeSystemFiles true to pass {@code ._*}, {@code .DS_Store}, {@code Thumbs.db} and
 *                         {@code desktop.ini} to the storage like any file; false keeps them in the
 *                         local shadow store
 */
public record MountSpec(String mountPath, Storage storage, boolean storeSystemFiles) {
}

/**
 * Where a WebDAV path leads: the {@link org.alidav.dav.mount.MountTable} of mounted storages, a
 * {@link org.alidav.dav.mount.Location} (mount, storage, path inside it) or a virtual folder between
 * mounts, narrowed by the user's {@link org.alidav.dav.mount.MountScope}; request paths split and
 * checked ({@link org.alidav.dav.mount.RequestPath}), names no client can read
 * ({@link org.alidav.dav.mount.NameCharacters}), and the local shadow store of system files
 * ({@link org.alidav.dav.mount.ShadowFiles}). The bottom of the DAV layer: it knows storages, no
 * resources and no HTTP handling.
 */
package org.alidav.dav.mount;

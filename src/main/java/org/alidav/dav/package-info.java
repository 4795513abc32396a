/**
 * The WebDAV layer. A request path resolves through the {@link org.alidav.dav.MountTable} to a
 * {@link org.alidav.dav.Location} (mount, storage, path inside it) or a virtual folder;
 * {@link org.alidav.dav.DavResourceFactory} makes Milton resources of it
 * ({@code dav.resource}), seen through the user's {@link org.alidav.dav.MountScope} (hidden mounts
 * do not exist; {@code dav.http.DestinationCheck} makes them 404 as a COPY/MOVE Destination too). System files go to a local shadow store ({@link org.alidav.dav.ShadowFiles}).
 * {@link org.alidav.dav.DavService} assembles Milton with the replacements for what Milton CE gets
 * wrong, each a named class:
 * <ul>
 * <li>{@code dav.http.RequestChecks}: Depth-infinity PROPFIND 403, malformed or oversized XML 400/413,
 *     MKCOL body 415, COPY/MOVE Depth and Destination checks, Overwrite defaulting to T;</li>
 * <li>{@code dav.http.FileGetHandler} + {@code DownloadPolicy}/{@code StreamDownload}: GET/HEAD with
 *     correct ranges and conditionals, HTML folder pages;</li>
 * <li>{@code dav.http.PutHandler}: streamed PUT, no auto-created parents, 405 on folders, 400 on
 *     Content-Range, quota 507, X-OC-Mtime and OC-Checksum;</li>
 * <li>{@code dav.props.PropPatchHandler}: atomic, in-order PROPPATCH with dead properties and Win32 times;</li>
 * <li>{@code dav.props.NamespaceSafePropFindXmlGenerator}: well-formed PROPFIND XML for any namespace;</li>
 * <li>{@code dav.http.DavErrorFilter}: every failure a clear status, driver errors mapped once.</li>
 * </ul>
 * Milton still answers OPTIONS (with credentials; without, {@link org.alidav.dav.OptionsAnswer}),
 * PROPFIND, MKCOL, DELETE, MOVE and COPY.
 */
package org.alidav.dav;

/**
 * The WebDAV layer, assembled. Its packages, from the bottom: {@code dav.mount} (paths to mounts and
 * storages), {@code dav.http} (HTTP pieces that know no resource), {@code dav.resource} (Milton
 * resources and the {@link org.alidav.dav.resource.DavResourceFactory}), then {@code dav.props},
 * {@code dav.sign} and {@code dav.upload} beside each other, {@code dav.download} (which uses
 * {@code dav.sign}), and this package on top; {@code dav.lock} stands apart, knowing none of them.
 * Each uses only those below it (ArchitectureTest).
 *
 * <p>A request path resolves through the {@link org.alidav.dav.mount.MountTable} to a
 * {@link org.alidav.dav.mount.Location} or a virtual folder, seen through the user's
 * {@link org.alidav.dav.mount.MountScope} (hidden mounts do not exist; {@code dav.http.DestinationCheck}
 * makes them 404 as a COPY/MOVE Destination too). System files go to a local shadow store
 * ({@link org.alidav.dav.mount.ShadowFiles}).
 * {@link org.alidav.dav.DavService} assembles Milton with the replacements for what Milton CE gets
 * wrong, each a named class:
 * <ul>
 * <li>{@code dav.http.RequestChecks}: Depth-infinity PROPFIND 403, malformed or oversized XML 400/413,
 *     MKCOL body 415, COPY/MOVE Depth and Destination checks, Overwrite defaulting to T;</li>
 * <li>{@code dav.download.FileGetHandler} + {@code PolicyResolver}/{@code StreamDownload}: GET/HEAD with
 *     correct ranges and conditionals, HTML folder pages;</li>
 * <li>{@code dav.upload.PutHandler}: streamed PUT, no auto-created parents, 405 on folders, 400 on
 *     Content-Range, quota 507, X-OC-Mtime and OC-Checksum;</li>
 * <li>{@code dav.props.PropPatchHandler}: atomic, in-order PROPPATCH with dead properties and Win32 times;</li>
 * <li>{@code dav.props.NamespaceSafePropFindXmlGenerator}: well-formed PROPFIND XML for any namespace;</li>
 * <li>{@code dav.http.DavErrorFilter}: every failure a clear status, driver errors mapped once.</li>
 * </ul>
 * Milton still answers OPTIONS (with credentials; without, {@link org.alidav.dav.OptionsAnswer}),
 * PROPFIND, MKCOL, DELETE, MOVE and COPY.
 */
package org.alidav.dav;

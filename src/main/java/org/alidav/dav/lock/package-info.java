/**
 * WebDAV class 2 (RFC 4918 locking) for Milton CE, which has no LOCK/UNLOCK and does not evaluate the If
 * header.
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>{@link org.alidav.dav.lock.LockManager}: the locks, in memory and written through to the state
 *       database ({@link org.alidav.dav.lock.LockTable}), without Milton types.</li>
 *   <li>{@link org.alidav.dav.lock.IfHeader}: parser and evaluator of the If header.</li>
 *   <li>{@code LockGuard}: a Milton {@code Filter} in front of every handler: If header → 400/412,
 *       writes to locked resources without a submitted token of the lock's own principal → 423.</li>
 *   <li>{@code LockHandler} / {@code UnlockHandler}: LOCK (create, refresh, unmapped URL → empty file,
 *       201) and UNLOCK, added to Milton as a protocol.</li>
 *   <li>{@code LockPropertySource} / {@code LockPropertyWriter}: {@code DAV:lockdiscovery} and
 *       {@code DAV:supportedlock} on every resource; {@code Class2ResourceTypeHelper}: {@code DAV: 1, 2}.</li>
 * </ul>
 *
 * <h2>Integration</h2>
 * <pre>{@code
 * LockManager locks = new LockManager(new LockTable(state));   // or new LockManager(clock, maxTimeout, table)
 * HttpManagerBuilder builder = ...;                    // configured as usual
 * LockSupport.install(builder, locks, targets, LockSupport::userOf);   // before init()/buildHttpManager()
 * HttpManager manager = builder.buildHttpManager();
 * }</pre>
 * The DAV layer
 * <ul>
 *   <li>implements {@link org.alidav.dav.lock.LockTargets} ({@code exists}, {@code etag} exactly as sent in
 *       the ETag header, {@code createEmpty} for LOCK on an unmapped URL);</li>
 *   <li>calls {@code locks.onDelete(path)} after deleting and {@code locks.onMove(from)} after moving a
 *       resource (also for changes that do not come through WebDAV), because locks end with the resource
 *       and do not move with it;</li>
 *   <li>treats {@code Method.LOCK} and {@code Method.UNLOCK} as write methods in {@code Resource.authorise}
 *       (checked on the resource, or on the parent collection for an unmapped URL);</li>
 *   <li>must <em>not</em> implement Milton's {@code LockableResource}: CE then applies its own token check
 *       ({@code HandlerHelper.isLockedOut}, a substring test on one lock) and has no LOCK handler anyway;</li>
 *   <li>should answer {@code PropertyMetaData.UNKNOWN} for {@code DAV:} names in a dead-property store
 *       (the lock properties come first anyway).</li>
 * </ul>
 * Paths everywhere are lock paths: decoded, normalised URL paths as in {@link org.alidav.dav.lock.LockPaths}.
 *
 * <h2>Milton details this relies on</h2>
 * <ul>
 *   <li>{@code HttpManagerBuilder.getProtocols()} is the list {@code HttpManager} reads, filled by
 *       {@code init()}: the protocol is added from an {@code InitListener.afterInit}.</li>
 *   <li>Milton's PUT reads {@code ["etag"]} out of the If header with a regular expression and compares it
 *       unquoted with the quoted ETag; {@code IfMatchOnlyMatchHelper} replaces the builder's
 *       {@code MatchHelper} so only If-Match is left to Milton.</li>
 *   <li>A {@code PropertySource} does not know the resource's path; the lock properties are rendered by a
 *       {@code ValueWriter}, which gets the href.</li>
 * </ul>
 */
package org.alidav.dav.lock;

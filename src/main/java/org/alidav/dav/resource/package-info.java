/**
 * Milton resources over {@code Storage}: the {@link org.alidav.dav.resource.DavResourceFactory},
 * files, folders, virtual mount folders, and DELETE/MOVE/COPY with what hangs off them
 * ({@link org.alidav.dav.resource.LocationData}, implemented by the packages that keep such data).
 */
package org.alidav.dav.resource;

/**
 * GET and HEAD ({@link org.alidav.dav.download.FileGetHandler}): folders get an HTML page, files go
 * to the {@link org.alidav.dav.download.PolicyResolver}, which answers by the
 * {@link org.alidav.dav.download.DownloadPolicy} of the client rules and of the storage: a 302 to the
 * cloud, a stream through this server, or a 302 to a signed proxy URL.
 */
package org.alidav.dav.download;

/**
 * GET and HEAD ({@link org.alidav.dav.download.FileGetHandler}): folders get an HTML page, files go
 * to the {@link org.alidav.dav.download.PolicyResolver}, which answers by the client rules and the
 * storage's {@code webdav_policy}: a 302 to the cloud, a stream through this server, or a 302 to a
 * signed proxy URL.
 */
package org.alidav.dav.download;

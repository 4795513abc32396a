/**
 * The HTTP server: {@link org.alidav.server.DavServer} (Jetty 12, ee10 servlet context) started from a
 * {@link org.alidav.server.ServerSetup}; {@link org.alidav.server.AuthFilter} (Basic auth against an
 * {@link org.alidav.server.Authenticator}, read-only users, brute-force brake); the bridge servlet
 * {@link org.alidav.server.DavServlet} into Milton; {@link org.alidav.server.AccessLog}, one line per
 * request; {@link org.alidav.server.ForwardedHeaders} (forwarded headers from trusted proxies only);
 * {@link org.alidav.server.PlainErrorHandler} (Jetty's error pages without internals). This package
 * knows no driver: the WebDAV side is {@link org.alidav.dav.DavService}.
 */
package org.alidav.server;

/**
 * Protection from clients that hold the server without using it: minimum data rates for bodies and
 * responses ({@link org.alidav.server.guard.SlowClientGuard}), a cap on connections per address
 * ({@link org.alidav.server.guard.AddressConnectionCap}) and a share of the threads for requests with
 * a body ({@link org.alidav.server.guard.BodyBulkhead}), all set by
 * {@link org.alidav.server.guard.ClientLimits}. Knows Jetty, nothing of WebDAV.
 */
package org.alidav.server.guard;

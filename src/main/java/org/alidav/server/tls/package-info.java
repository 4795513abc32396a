/**
 * HTTPS for the WebDAV port: PEM certificate chains and keys as certbot and acme.sh write them
 * ({@link org.alidav.server.tls.PemIdentityReader}), a certificate generated once for a LAN server
 * ({@link org.alidav.server.tls.SelfSignedCertificate}), and renewals served without a restart
 * ({@link org.alidav.server.tls.CertificateWatcher} swapping the context of
 * {@link org.alidav.server.tls.TlsEndpoint}; open connections keep the context they began with).
 */
package org.alidav.server.tls;

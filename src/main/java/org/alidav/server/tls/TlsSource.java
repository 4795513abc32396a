package org.alidav.server.tls;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the server's certificate and key are read from, and how often they are looked at again.
 *
 * @param cert           PEM certificate chain, leaf first
 * @param key            PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC), unencrypted
 * @param reloadInterval time between two looks at the files for a renewal
 */
public record TlsSource(Path cert, Path key, Duration reloadInterval) {
}

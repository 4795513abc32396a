package org.alidav.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTPS of the {@code server:} section: a certificate and key of the user's ({@code tls_cert},
 * {@code tls_key}), or one generated under {@code data_dir} ({@code tls_self_signed}), or neither.
 *
 * @param cert           PEM certificate chain, leaf first (as certbot's fullchain.pem)
 * @param key            PEM private key: PKCS#8, PKCS#1 RSA or SEC1 EC
 * @param selfSigned     generate a certificate once and keep it in {@code <data_dir>/tls}
 * @param reloadInterval how often the files are looked at for a renewal
 */
public record TlsSettings(Optional<Path> cert, Optional<Path> key, boolean selfSigned, Duration reloadInterval) {
    /** A renewal is served within a minute: the files are looked at twice as often. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(30);
    public static final TlsSettings NONE = new TlsSettings(Optional.empty(), Optional.empty(), false, DEFAULT_RELOAD_INTERVAL);

    public TlsSettings {
        if (cert.isPresent() != key.isPresent()) throw new IllegalArgumentException("tls_cert and tls_key go together");
        if (selfSigned && cert.isPresent()) throw new IllegalArgumentException("tls_self_signed excludes tls_cert");
    }

    /** Whether the port serves HTTPS. */
    public boolean enabled() {
        return selfSigned || cert.isPresent();
    }
}

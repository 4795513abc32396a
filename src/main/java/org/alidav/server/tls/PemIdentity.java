package org.alidav.server.tls;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A private key with its certificate chain, held in an in-memory key store for the TLS engine.
 *
 * @param keyStore the key and chain under {@link #ALIAS}, protected by {@code password}
 * @param password of the in-memory store only (random per load; it is never written anywhere)
 * @param chain    leaf first
 */
public record PemIdentity(KeyStore keyStore, String password, List<X509Certificate> chain) {
    public static final String ALIAS = "server";

    public PemIdentity {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The leaf's SHA-256 fingerprint as browsers and {@code openssl x509 -fingerprint -sha256} show it (AB:CD:...). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 of a parsed certificate", e);
        }
    }
}

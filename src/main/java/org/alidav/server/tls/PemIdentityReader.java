package org.alidav.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a PEM certificate chain and a PEM private key into a {@link PemIdentity}, and refuses a key
 * that does not belong to the chain's first certificate. Keys may be PKCS#8 ({@code PRIVATE KEY}),
 * PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, optionally after the
 * {@code EC PARAMETERS} block that {@code openssl ecparam -genkey} writes); encrypted keys are refused,
 * as a server started unattended has no one to type the passphrase.
 */
public final class PemIdentityReader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemIdentityReader() {
    }

    /** Throws {@link TlsFileException} with one line naming the file and the problem. */
    public static PemIdentity read(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new TlsFileException(keyFile + ": this key does not belong to the certificate in " + certFile);
        }
        try {
            String password = Base64.getEncoder().encodeToString(RANDOM.generateSeed(18));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(PemIdentity.ALIAS, key, password.toCharArray(), chain.toArray(X509Certificate[]::new));
            return new PemIdentity(store, password, chain);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException(keyFile + ": cannot be used with " + certFile + ": " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object item : pemObjects(file)) {
            if (!(item instanceof X509CertificateHolder holder)) continue;
            try {
                chain.add(converter.getCertificate(holder));
            } catch (GeneralSecurityException e) {
                throw new TlsFileException(file + ": a certificate cannot be read: " + e.getMessage());
            }
        }
        if (chain.isEmpty()) throw new TlsFileException(file + ": no PEM certificate (BEGIN CERTIFICATE) found");
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object item : pemObjects(file)) {
            try {
                if (item instanceof PrivateKeyInfo pkcs8) return converter.getPrivateKey(pkcs8);
                if (item instanceof PEMKeyPair traditional) return converter.getPrivateKey(traditional.getPrivateKeyInfo());
            } catch (IOException e) {
                throw new TlsFileException(file + ": the key cannot be read: " + e.getMessage());
            }
            if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new TlsFileException(file + ": the key is encrypted; give it without a passphrase (openssl pkey -in KEY -out KEY.plain)");
            }
            if (!(item instanceof ASN1ObjectIdentifier)) { // EC PARAMETERS before an EC key are expected
                throw new TlsFileException(file + ": not a private key (" + item.getClass().getSimpleName() + ")");
            }
        }
        throw new TlsFileException(file + ": no PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found");
    }

    private static List<Object> pemObjects(Path file) {
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item; (item = pem.readObject()) != null; ) items.add(item);
            return items;
        } catch (NoSuchFileException e) {
            throw new TlsFileException(file + ": no such file");
        } catch (IOException e) {
            throw new TlsFileException(file + ": not valid PEM: " + e.getMessage());
        }
    }

    /** A signature made with the key verifies with the certificate's public key: the one test that works for every key type. */
    static boolean belongTogether(PrivateKey key, PublicKey certificateKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new TlsFileException("keys of type " + key.getAlgorithm() + " are not supported (use RSA, EC or Ed25519)");
        };
        try {
            byte[] probe = "alidav key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key against an RSA certificate
        }
    }
}

package org.alidav.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority made for one test, and server certificates for 127.0.0.1 and localhost it
 * signs, written as PEM files in each key form a user may have.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** How the private key is written. */
    public enum KeyForm {
        /** BEGIN PRIVATE KEY, any algorithm (here RSA). */
        PKCS8,
        /** BEGIN RSA PRIVATE KEY. */
        PKCS1_RSA,
        /** BEGIN EC PRIVATE KEY. */
        SEC1_EC
    }

    /** A server certificate and key, as files. */
    public record Pair(Path cert, Path key, X509Certificate certificate) {
        /** Puts this pair's files over {@code target}'s, as a renewal does (written beside, then renamed). */
        public void replace(Pair target) throws IOException {
            Files.copy(key, target.key.resolveSibling("renewing.key"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(cert, target.cert.resolveSibling("renewing.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(target.key.resolveSibling("renewing.key"), target.key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(target.cert.resolveSibling("renewing.crt"), target.cert, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;
    public final Path caFile;

    private TestCertificates(KeyPair caKeys, X509Certificate ca, Path caFile) {
        this.caKeys = caKeys;
        this.ca = ca;
        this.caFile = caFile;
    }

    /** A new CA; its certificate is written to {@code dir/ca.crt}. */
    public static TestCertificates authority(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPair keys = keys("EC");
        X500Name name = new X500Name("CN=AliDAV test CA");
        X509v3CertificateBuilder b = builder(name, name, keys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate ca = sign(b, keys);
        Path file = dir.resolve("ca.crt");
        Files.writeString(file, pem(ca));
        return new TestCertificates(keys, ca, file);
    }

    /** A certificate for 127.0.0.1 and localhost signed by this CA, its key in {@code form}; files {@code dir/<name>.crt/.key}. */
    public Pair server(Path dir, String name, KeyForm form) throws Exception {
        KeyPair keys = keys(form == KeyForm.SEC1_EC ? "EC" : "RSA");
        X509v3CertificateBuilder b = builder(new X500Name("CN=AliDAV test CA"), new X500Name("CN=" + name), keys);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        X509Certificate cert = sign(b, caKeys);
        Files.createDirectories(dir);
        Path certFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(certFile, pem(cert) + pem(ca)); // the chain, as certbot's fullchain.pem
        Files.writeString(keyFile, switch (form) {
            case PKCS8 -> pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            case PKCS1_RSA -> pem(keys.getPrivate()); // JcaPEMWriter writes a bare RSA key as PKCS#1
            case SEC1_EC -> pem(sec1(keys));
        });
        return new Pair(certFile, keyFile, cert);
    }

    /** The key as openssl writes it: the curve named inside, the public point beside the secret. */
    private static PemObject sec1(KeyPair keys) throws IOException {
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        DERBitString point = new DERBitString(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getOctets());
        ECPrivateKey full = new ECPrivateKey(256, inner.getKey(), point, pkcs8.getPrivateKeyAlgorithm().getParameters());
        return new PemObject("EC PRIVATE KEY", full.getEncoded());
    }

    /** A client context that trusts this CA only. */
    public SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) g.initialize(new ECGenParameterSpec("secp256r1"));
        else g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    static String pem(Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            w.writeObject(item);
        }
        return text.toString();
    }
}

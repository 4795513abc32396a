package org.alidav.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * {@code tls_self_signed: true}: a certificate made once and kept in {@code <data_dir>/tls}, naming the
 * configured host, {@code localhost} and every address of this machine, so that a client on the LAN
 * can pin or import it. Later starts reuse it; deleting the two files makes a new one.
 */
public final class SelfSignedCertificate {
    static final String CERT_FILE = "self-signed.crt";
    static final String KEY_FILE = "self-signed.key";
    /** Long enough not to expire under a NAS; a pinned certificate is trusted as it is, not by date. */
    private static final Duration VALIDITY = Duration.ofDays(10 * 365);

    private SelfSignedCertificate() {
    }

    /** The certificate and key under {@code dataDir/tls}, made now if they are not there yet. */
    public static TlsSource ensure(Path dataDir, String host, Duration reloadInterval) {
        Path dir = dataDir.resolve("tls");
        TlsSource source = new TlsSource(dir.resolve(CERT_FILE), dir.resolve(KEY_FILE), reloadInterval);
        if (Files.isRegularFile(source.cert()) && Files.isRegularFile(source.key())) return source;
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X509Certificate cert = certificate(keys, names(host));
            write(source.key(), pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
            write(source.cert(), pem(cert), false);
            return source;
        } catch (IOException e) {
            throw new TlsFileException(dir + ": cannot write the self-signed certificate: " + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("making an EC P-256 certificate", e);
        }
    }

    /** The configured host (unless a wildcard address), localhost, and this machine's addresses. */
    static Set<String> names(String host) {
        Set<String> names = new LinkedHashSet<>();
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.equals("0.0.0.0") && !h.equals("::")) names.add(h);
        names.add("localhost");
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int scope = text.indexOf('%'); // fe80::1%eth0: the scope is not part of the address
                    names.add(scope < 0 ? text : text.substring(0, scope));
                }
            }
        } catch (SocketException e) {
            names.add("127.0.0.1"); // no interface list: loopback still works
        }
        return names;
    }

    private static X509Certificate certificate(KeyPair keys, Set<String> names) throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500Name("CN=AliDAV self-signed (" + names.iterator().next().replaceAll("[,=+<>#;\"\\\\]", "_") + ")");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.stream().map(SelfSignedCertificate::generalName).toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static GeneralName generalName(String name) {
        boolean address = name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }

    private static String pem(Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(item);
        }
        return text.toString();
    }

    /** Written beside and renamed into place, so a crash never leaves half a file that later starts would reuse. */
    private static void write(Path file, String text, boolean secret) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}

package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.Litmus;
import org.alidav.dav.RcloneRoundTrip;
import org.alidav.server.tls.PemIdentity;
import org.alidav.server.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole server over HTTPS with a certificate of a CA made for the test, as Application assembles it. */
@EndToEnd
@LongRunning
class HttpsTest {
    private static final String AUTH = DavTestServer.basic(DavTestServer.USER, DavTestServer.PASSWORD);

    @TempDir
    Path dir;

    static String yaml(Path dir, String tls) {
        return "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "', min_response_rate: 0, " + tls + "}\n"
                + "users: [{name: " + DavTestServer.USER + ", password: " + DavTestServer.PASSWORD + "}]\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n";
    }

    static String files(TestCertificates.Pair pair) {
        return "tls_cert: '" + pair.cert() + "', tls_key: '" + pair.key() + "'";
    }

    @ParameterizedTest
    @EnumSource(TestCertificates.KeyForm.class)
    void eachKeyFormServesHttps(TestCertificates.KeyForm form) throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates.Pair pair = ca.server(dir.resolve("tls"), "server", form);
        try (TestApp t = TestApp.start(dir, yaml(dir, files(pair)), false)) {
            assertTrue(t.app.url().startsWith("https://127.0.0.1:"), t.app.url());
            HttpResponse<String> r = client(ca.clientContext()).send(request(t.app.url(), "PROPFIND").header("Depth", "0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(207, r.statusCode(), r.body());
            assertEquals(pair.certificate(), served(ca.clientContext(), t.app.port()));
        }
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateStopsTheStartWithOneLineAndExit2() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates.Pair one = ca.server(dir.resolve("tls"), "one", TestCertificates.KeyForm.PKCS8);
        TestCertificates.Pair other = ca.server(dir.resolve("tls"), "other", TestCertificates.KeyForm.PKCS1_RSA);
        Path config = dir.resolve("alidav.yaml");
        Files.writeString(config, yaml(dir, "tls_cert: '" + one.cert() + "', tls_key: '" + other.key() + "'"));
        ChildServer.Refusal refusal = ChildServer.refusal(config);
        assertEquals(2, refusal.exitCode(), refusal.stderr());
        // slf4j-simple logs to stderr too: the refusal is the one line of our own, with no stack trace
        assertEquals(List.of("alidav: " + other.key() + ": this key does not belong to the certificate in " + one.cert()),
                refusal.stderr().lines().filter(l -> l.startsWith("alidav:")).toList());
        assertTrue(refusal.stderr().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), refusal.stderr());
    }

    @Test
    void aSelfSignedCertificateNamesLocalhostAndTheMachineAndIsKeptAcrossStarts() throws Exception {
        String fingerprint;
        try (TestApp t = TestApp.start(dir, yaml(dir, "tls_self_signed: true"), false)) {
            PemIdentity identity = t.app.certificate().orElseThrow();
            fingerprint = identity.fingerprint();
            List<String> names = identity.leaf().getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
            assertTrue(names.containsAll(List.of("127.0.0.1", "localhost")), names.toString());
            assertEquals(identity.leaf(), served(trustAll(), t.app.port()));
            System.out.println("self-signed: " + identity.leaf().getSubjectX500Principal() + " " + names + " SHA-256 " + fingerprint);
        }
        assertTrue(Files.isRegularFile(dir.resolve("data/tls/self-signed.key")));
        try (TestApp again = TestApp.start(dir, yaml(dir, "tls_self_signed: true"), false)) {
            assertEquals(fingerprint, again.app.certificate().orElseThrow().fingerprint(), "made once, then reused");
        }
    }

    /** The acceptance row: the files replaced under a running server, a download begun before keeps going. */
    @Test
    void aRenewedCertificateIsServedWhileAnEarlierDownloadGoesOn() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates.Pair live = ca.server(dir.resolve("tls"), "live", TestCertificates.KeyForm.PKCS8);
        TestCertificates.Pair renewal = ca.server(dir.resolve("next"), "renewal", TestCertificates.KeyForm.SEC1_EC);
        // more than the socket buffers can hold unread (Linux lets a receive buffer grow to 32 MiB, a send
        // buffer to 4 MiB) and the client's own: the server is still sending when the certificate changes
        long size = 64L * 1024 * 1024;
        Files.createDirectories(dir.resolve("files"));
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("files/big.bin").toFile(), "rw")) {
            f.setLength(size); // sparse: no disk used
        }
        try (TestApp t = TestApp.start(dir, yaml(dir, files(live) + ", tls_reload_interval: 1s"), false)) {
            SSLContext trust = ca.clientContext();
            HttpResponse<InputStream> download = client(trust).send(request(t.app.url() + "big.bin", "GET").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, download.statusCode());
            try (InputStream body = download.body()) {
                long read = body.readNBytes(1024 * 1024).length;
                renewal.replace(live);
                long start = System.nanoTime();
                X509Certificate served = served(trust, t.app.port());
                while (!served.equals(renewal.certificate()) && System.nanoTime() - start < 60_000_000_000L) {
                    Thread.sleep(200);
                    served = served(trust, t.app.port());
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(renewal.certificate(), served, "the renewed certificate within 60 s");
                read += body.transferTo(java.io.OutputStream.nullOutputStream());
                assertEquals(size, read, "the download begun with the old certificate is complete");
                System.out.println("renewal: new certificate served " + millis + " ms after the files were replaced; the earlier download read "
                        + read + " bytes");
            }
            assertNotEquals(live.certificate(), t.app.certificate().orElseThrow().leaf());
        }
    }

    /** litmus (neon) accepts a certificate it cannot verify, so no CA needs installing for it. */
    @Test
    void litmusPassesEveryGroupOverHttps() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates.Pair pair = ca.server(dir.resolve("tls"), "server", TestCertificates.KeyForm.SEC1_EC);
        Files.createDirectories(dir.resolve("files/litmus"));
        try (TestApp t = TestApp.start(dir, yaml(dir, files(pair)), false)) {
            Litmus.Report report = Litmus.run(dir, t.app.url() + "litmus/", DavTestServer.USER, DavTestServer.PASSWORD, Litmus.ALL_GROUPS);
            Litmus.assertNoFailures(report, Litmus.ALL_GROUPS);
            System.out.println("litmus over HTTPS: " + report.groups());
        }
    }

    @Test
    void rcloneRoundTripOverHttpsWithTheTestCa() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates.Pair pair = ca.server(dir.resolve("tls"), "server", TestCertificates.KeyForm.PKCS1_RSA);
        Path local = RcloneRoundTrip.writeTree(dir.resolve("local"), 20, 5 * 1024 * 1024 + 11);
        try (TestApp t = TestApp.start(dir, yaml(dir, files(pair)), false)) {
            RcloneRoundTrip.Report report = RcloneRoundTrip.run(dir, local, t.app.url(), "owncloud", DavTestServer.USER,
                    DavTestServer.PASSWORD, Map.of("RCLONE_CA_CERT", ca.caFile.toString()), new RcloneRoundTrip.Checks() {
                    });
            System.out.println("rclone over HTTPS: " + report);
        }
    }

    private static HttpClient client(SSLContext trust) {
        return HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpRequest.Builder request(String url, String method) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).method(method, HttpRequest.BodyPublishers.noBody());
    }

    /** The certificate a new connection is given. */
    private static X509Certificate served(SSLContext trust, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** For the self-signed certificate, which the test compares instead of trusting. */
    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}

package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.dav.sign.LinkSigner;
import org.alidav.sandbox.CallStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each download policy against the sandbox: 302 (reachable target, Range at the target, HEAD and
 * PROPFIND without link lookups), proxy (ranges, 416, If-Range, client abort), and proxy URLs with
 * good, tampered, expired and missing signatures.
 */
class DownloadPolicySandboxTest {
    static final String PROXY_UA = "proxy-me/1.0";
    static final String REDIRECT_UA = "redirect-me/1.0";
    static final int SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    static Path dir;
    static PolicyStack stack;
    static byte[] content;
    static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.PROXY_URL;
        spec.rule("proxy-me", DownloadPolicy.PROXY).rule("redirect-me", DownloadPolicy.REDIRECT);
        stack = new PolicyStack(dir, spec);
        content = PolicyStack.bytes(SIZE, 1);
        big = PolicyStack.bytes(48 << 20, 2);
        stack.put("movie name.bin", content);
        stack.put("big.bin", big);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    static byte[] slice(byte[] b, long first, long last) {
        return Arrays.copyOfRange(b, (int) first, (int) last + 1);
    }

    // ---- 302 ----

    @Test
    void redirectPointsAtAReachableCloudUrlThatHonoursRange() throws Exception {
        HttpResponse<byte[]> r = stack.send("GET", "/movie%20name.bin", "User-Agent", REDIRECT_UA, "Range", "bytes=100-199");
        assertEquals(302, r.statusCode());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack.sandbox.objectBaseUrl()), location);
        HttpResponse<byte[]> target = stack.sendUrl("GET", location, "Range", "bytes=100-199");
        assertEquals(206, target.statusCode());
        assertArrayEquals(slice(content, 100, 199), target.body());
        assertEquals(200, stack.sendUrl("GET", location).statusCode());
    }

    @Test
    void redirectHeadAndPropfindCostNoApiCall() throws Exception {
        stack.send("HEAD", "/movie%20name.bin", "User-Agent", REDIRECT_UA); // listing cached
        long before = stack.sandbox.stats().total();
        long links = stack.linkCalls();
        HttpResponse<byte[]> head = stack.send("HEAD", "/movie%20name.bin", "User-Agent", REDIRECT_UA);
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(SIZE), head.headers().firstValue("Content-Length").orElse(""));
        assertTrue(head.headers().firstValue("ETag").isPresent());
        assertTrue(head.headers().firstValue("Last-Modified").isPresent());
        HttpResponse<byte[]> find = stack.send("PROPFIND", "/", "User-Agent", REDIRECT_UA, "Depth", "1");
        assertEquals(207, find.statusCode());
        assertEquals(before, stack.sandbox.stats().total(), "HEAD and PROPFIND made API or object calls");
        assertEquals(links, stack.linkCalls());
    }

    @Test
    void conditionalGetIsAnsweredBeforeAnyLink() throws Exception {
        String etag = stack.send("HEAD", "/movie%20name.bin", "User-Agent", REDIRECT_UA).headers().firstValue("ETag").orElseThrow();
        long links = stack.linkCalls();
        assertEquals(304, stack.send("GET", "/movie%20name.bin", "User-Agent", REDIRECT_UA, "If-None-Match", etag).statusCode());
        assertEquals(links, stack.linkCalls());
    }

    // ---- proxy ----

    @Test
    void proxyRanges() throws Exception {
        assertProxyRange("bytes=0-99", 0, 99);
        assertProxyRange("bytes=-500", SIZE - 500, SIZE - 1);
        assertProxyRange("bytes=3000000-", 3_000_000, SIZE - 1);
        assertProxyRange("bytes=1048570-1048580", 1_048_570, 1_048_580);
        HttpResponse<byte[]> whole = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(content, whole.body());
    }

    private static void assertProxyRange(String range, long first, long last) throws Exception {
        HttpResponse<byte[]> r = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA, "Range", range);
        assertEquals(206, r.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + SIZE, r.headers().firstValue("Content-Range").orElse(""), range);
        assertArrayEquals(slice(content, first, last), r.body(), range);
        assertFalse(r.headers().firstValue("Location").isPresent());
    }

    @Test
    void proxyMultiRange() throws Exception {
        HttpResponse<byte[]> r = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA, "Range", "bytes=0-9,2000000-2000009");
        assertEquals(206, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Range: bytes 0-9/" + SIZE));
        assertTrue(body.contains("Content-Range: bytes 2000000-2000009/" + SIZE));
        assertTrue(body.contains(new String(slice(content, 2_000_000, 2_000_009), StandardCharsets.ISO_8859_1)));
        assertEquals(r.body().length, Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow()));
    }

    @Test
    void proxyUnsatisfiableAndIfRange() throws Exception {
        HttpResponse<byte[]> r = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA, "Range", "bytes=" + SIZE + "-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + SIZE, r.headers().firstValue("Content-Range").orElse(""));
        String etag = stack.send("HEAD", "/movie%20name.bin", "User-Agent", PROXY_UA).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> same = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA, "Range", "bytes=5-9", "If-Range", etag);
        assertEquals(206, same.statusCode());
        assertArrayEquals(slice(content, 5, 9), same.body());
        HttpResponse<byte[]> changed = stack.send("GET", "/movie%20name.bin", "User-Agent", PROXY_UA, "Range", "bytes=5-9", "If-Range", "\"other\"");
        assertEquals(200, changed.statusCode());
        assertArrayEquals(content, changed.body());
    }

    @Test
    void clientAbortReleasesTheUpstreamConnection() throws Exception {
        long dropped = stack.sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED);
        try (Socket s = new Socket("127.0.0.1", stack.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /big.bin HTTP/1.1\r\nHost: x\r\nUser-Agent: " + PROXY_UA + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            in.readNBytes(256 * 1024);
            assertEquals(1, busy(), "one upstream connection while the client reads");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((busy() > 0 || stack.sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED) == dropped)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, busy(), "the gate still holds the aborted download's connection");
        assertTrue(stack.sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED) > dropped, "the object store never saw the read stop");
    }

    /** Connections in use, not counting finished streams kept for reuse by earlier tests. */
    private static int busy() {
        return stack.gate().active() - stack.gate().parkedCount();
    }

    // ---- proxy URL ----

    @Test
    void proxyUrlRedirectCarriesAnOpenListSignature() throws Exception {
        HttpResponse<byte[]> r = stack.send("GET", "/movie%20name.bin");
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://proxy.example.com/base/movie%20name.bin?sign="), location);
        String sign = java.net.URLDecoder.decode(location.substring(location.indexOf("?sign=") + 6), StandardCharsets.UTF_8);
        assertTrue(stack.signer.verify("/movie name.bin", sign));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void goodSignatureIsServedByTheStoragesOwnWay() throws Exception {
        String sign = URLEncoder.encode(stack.signer.sign("/movie name.bin"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = stack.send("GET", "/d/movie%20name.bin?sign=" + sign);
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack.sandbox.objectBaseUrl()), location);
        assertArrayEquals(content, stack.sendUrl("GET", location).body());
        HttpResponse<byte[]> proxied = stack.send("GET", "/d/movie%20name.bin?sign=" + sign, "User-Agent", PROXY_UA, "Range", "bytes=1-3");
        assertEquals(206, proxied.statusCode());
        assertArrayEquals(slice(content, 1, 3), proxied.body());
        assertEquals(200, stack.send("HEAD", "/d/movie%20name.bin?sign=" + sign).statusCode());
    }

    @Test
    void badSignaturesAreForbiddenWithoutSayingWhetherTheFileExists() throws Exception {
        String good = stack.signer.sign("/movie name.bin");
        String tampered = good.substring(0, 5) + (good.charAt(5) == 'A' ? 'B' : 'A') + good.substring(6);
        LinkSigner past = new LinkSigner(PolicyStack.SIGN_KEY, Duration.ofSeconds(1),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-1)));
        String expired = past.sign("/movie name.bin");
        String otherKey = new LinkSigner("another-key-another-key-another!".getBytes(), Duration.ofHours(1), java.time.Clock.systemUTC())
                .sign("/movie name.bin");
        for (String q : new String[]{"", "?sign=", "?sign=" + enc(tampered), "?sign=" + enc(expired), "?sign=" + enc(otherKey),
                "?sign=" + enc(stack.signer.sign("/other.bin"))}) {
            HttpResponse<byte[]> r = stack.send("GET", "/d/movie%20name.bin" + q);
            assertEquals(403, r.statusCode(), q);
            HttpResponse<byte[]> missing = stack.send("GET", "/d/no-such-file.bin" + q);
            assertEquals(403, missing.statusCode(), q);
            assertArrayEquals(r.body(), missing.body(), "the answer must not depend on the file's existence");
        }
        assertEquals(404, stack.send("GET", "/d/no-such-file.bin?sign=" + enc(stack.signer.sign("/no-such-file.bin"))).statusCode());
        assertEquals(405, stack.send("PUT", "/d/movie%20name.bin?sign=" + enc(good)).statusCode());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void signedRouteLeavesTheRestOfWebDavBehindItsAuthAndPolicy() throws Exception {
        assertEquals(207, stack.send("PROPFIND", "/", "Depth", "1").statusCode());
        assertEquals(URI.create(stack.url("/")).getPort(), stack.server.port());
    }
}

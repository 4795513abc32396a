package org.alidav.dav.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.http.PathEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET and HEAD over real HTTP: ranges, conditionals, caching headers, folder pages. */
class DownloadHttpTest {
    @TempDir
    static Path dir;
    static DavTestServer dav;
    static String etag;
    static String lastModified;

    @BeforeAll
    static void start() throws Exception {
        dav = DavTestServer.start(dir);
        Files.writeString(dav.storageRoot(0).resolve("ten.txt"), "0123456789");
        Files.createDirectories(dav.storageRoot(0).resolve("folder"));
        Files.writeString(dav.storageRoot(0).resolve("folder").resolve("<b>&x y.txt"), "x");
        HttpResponse<String> r = dav.send("HEAD", "/ten.txt", null);
        etag = r.headers().firstValue("ETag").orElseThrow();
        lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        dav.close();
    }

    @Test
    void wholeFileWithValidatorsAndPrivateCaching() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/ten.txt", null);
        assertEquals(200, r.statusCode());
        assertEquals("0123456789", r.body());
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("text/plain", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), etag);
        assertFalse(r.headers().firstValue("Cache-Control").orElse("").contains("public"));
        assertTrue(r.headers().firstValue("Server").isEmpty());
    }

    @Test
    void headHasGetHeadersButNoBody() throws Exception {
        HttpResponse<String> r = dav.send("HEAD", "/ten.txt", null);
        assertEquals(200, r.statusCode());
        assertEquals("10", r.headers().firstValue("Content-Length").orElse(""));
        assertEquals("", r.body());
    }

    @Test
    void singleRanges() throws Exception {
        assertRange("bytes=2-5", "bytes 2-5/10", "2345");
        assertRange("bytes=7-", "bytes 7-9/10", "789");
        assertRange("bytes=-3", "bytes 7-9/10", "789");
        assertRange("bytes=8-20", "bytes 8-9/10", "89");
    }

    private static void assertRange(String range, String contentRange, String body) throws Exception {
        HttpResponse<String> r = dav.send("GET", "/ten.txt", null, "Range", range);
        assertEquals(206, r.statusCode(), range);
        assertEquals(contentRange, r.headers().firstValue("Content-Range").orElse(""));
        assertEquals(body, r.body());
        assertEquals("text/plain", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void multipleRangesAreMultipart() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/ten.txt", null, "Range", "bytes=0-1,4-5");
        assertEquals(206, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        String expected = "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n01"
                + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 4-5/10\r\n\r\n45"
                + "\r\n--" + boundary + "--\r\n";
        assertEquals(expected, r.body());
        assertEquals(Integer.toString(expected.getBytes(StandardCharsets.US_ASCII).length), r.headers().firstValue("Content-Length").orElse(""));
    }

    @Test
    void unsatisfiableRangeIs416AndMalformedIsIgnored() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/ten.txt", null, "Range", "bytes=20-30");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */10", r.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<String> m = dav.send("GET", "/ten.txt", null, "Range", "bytes=abc");
        assertEquals(200, m.statusCode());
        assertEquals("0123456789", m.body());
    }

    @Test
    void ifRangeWithTagOrDate() throws Exception {
        assertEquals(206, dav.send("GET", "/ten.txt", null, "Range", "bytes=0-1", "If-Range", etag).statusCode());
        assertEquals(206, dav.send("GET", "/ten.txt", null, "Range", "bytes=0-1", "If-Range", lastModified).statusCode());
        HttpResponse<String> stale = dav.send("GET", "/ten.txt", null, "Range", "bytes=0-1", "If-Range", "\"stale\"");
        assertEquals(200, stale.statusCode());
        assertEquals("0123456789", stale.body());
    }

    @Test
    void conditionalGets() throws Exception {
        assertEquals(304, dav.send("GET", "/ten.txt", null, "If-None-Match", etag).statusCode());
        assertEquals(304, dav.send("GET", "/ten.txt", null, "If-None-Match", "W/" + etag).statusCode());
        assertEquals(304, dav.send("GET", "/ten.txt", null, "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, dav.send("GET", "/ten.txt", null, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode());
        assertEquals(412, dav.send("GET", "/ten.txt", null, "If-Match", "\"nope\"").statusCode());
        assertEquals(200, dav.send("GET", "/ten.txt", null, "If-Match", etag).statusCode());
    }

    @Test
    void etagIsStableAcrossRequestsAndListings() throws Exception {
        assertEquals(etag, dav.send("GET", "/ten.txt", null).headers().firstValue("ETag").orElse(""));
        String listing = dav.send("PROPFIND", "/", null, "Depth", "1").body();
        assertTrue(listing.contains(etag), listing);
    }

    @Test
    void folderGetIsAnEscapedHtmlListing() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/folder/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("href=\"/folder/%3Cb%3E%26x%20y.txt\""), r.body());
        assertTrue(r.body().contains("&lt;b&gt;&amp;x y.txt"), r.body());
        assertFalse(r.body().contains("<b>&x"), r.body());
        HttpResponse<String> head = dav.send("HEAD", "/folder", null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void proxiedDownloadsCarryTheFileNameInAnyCharacters() throws Exception {
        HttpResponse<String> odd = dav.send("GET", "/folder/%3Cb%3E%26x%20y.txt", null);
        assertEquals("inline; filename=\"<b>&x y.txt\"; filename*=UTF-8''%3Cb%3E%26x%20y.txt",
                odd.headers().firstValue("Content-Disposition").orElse(""));
        String name = "報告 \"final\" 50%.txt";
        String encoded = PathEncoding.encodeSegment(name);
        assertEquals(201, dav.send("PUT", "/" + encoded, "y").statusCode());
        for (String method : new String[]{"GET", "HEAD"}) {
            HttpResponse<String> r = dav.send(method, "/" + encoded, null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("inline; filename=\"__ _final_ 50%.txt\"; filename*=UTF-8''" + encoded,
                    r.headers().firstValue("Content-Disposition").orElse(""), method);
        }
        assertEquals("%E5%A0%B1%E5%91%8A%20%22final%22%2050%25.txt", encoded);
    }

    @Test
    void missingFileIs404() throws Exception {
        assertEquals(404, dav.send("GET", "/nope.txt", null).statusCode());
    }
}

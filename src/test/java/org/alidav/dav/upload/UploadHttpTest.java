package org.alidav.dav.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.OneServerPerTest;
import org.junit.jupiter.api.Test;

/** PUT over real HTTP as Finder, Windows Explorer, rclone and browsers send it. */
class UploadHttpTest extends OneServerPerTest {

    @Test
    void putCreatesThenReplaces() throws Exception {
        HttpResponse<String> created = dav.send("PUT", "/a.txt", "hello");
        assertEquals(201, created.statusCode());
        assertTrue(created.headers().firstValue("ETag").isPresent());
        assertEquals(204, dav.send("PUT", "/a.txt", "hello again").statusCode());
        assertEquals("hello again", Files.readString(root.resolve("a.txt")));
    }

    @Test
    void finderChunkedUploadWithExpectedLength() throws Exception {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) body[i] = (byte) i;
        HttpResponse<String> r = dav.putChunked("/finder.bin", body, "X-Expected-Entity-Length", Integer.toString(body.length));
        assertEquals(201, r.statusCode(), r.body());
        assertArrayEquals(body, Files.readAllBytes(root.resolve("finder.bin")));
        assertEquals(201, dav.putChunked("/plain-chunked.bin", body).statusCode());
        assertArrayEquals(body, Files.readAllBytes(root.resolve("plain-chunked.bin")));
    }

    @Test
    void windowsSequenceEmptyPutRealPutProppatchMove() throws Exception {
        assertEquals(201, dav.send("PUT", "/New%20Text%20Document.txt", "").statusCode());
        assertEquals(204, dav.send("PUT", "/New%20Text%20Document.txt", "content from Windows").statusCode());
        String patch = """
                <?xml version="1.0" encoding="utf-8" ?>
                <D:propertyupdate xmlns:D="DAV:" xmlns:Z="urn:schemas-microsoft-com:"><D:set><D:prop>
                <Z:Win32CreationTime>Tue, 03 Feb 2026 10:00:00 GMT</Z:Win32CreationTime>
                <Z:Win32LastAccessTime>Tue, 03 Feb 2026 10:00:00 GMT</Z:Win32LastAccessTime>
                <Z:Win32LastModifiedTime>Tue, 03 Feb 2026 10:00:00 GMT</Z:Win32LastModifiedTime>
                <Z:Win32FileAttributes>00000020</Z:Win32FileAttributes>
                </D:prop></D:set></D:propertyupdate>""";
        HttpResponse<String> p = dav.send("PROPPATCH", "/New%20Text%20Document.txt", patch, "Content-Type", "text/xml");
        assertEquals(207, p.statusCode());
        for (String name : new String[]{"Win32CreationTime", "Win32LastAccessTime", "Win32LastModifiedTime", "Win32FileAttributes"}) {
            assertTrue(p.body().contains("<" + name + " xmlns=\"urn:schemas-microsoft-com:\"/>"), p.body());
        }
        assertTrue(p.body().contains("HTTP/1.1 200 OK"), p.body());
        assertFalse(p.body().contains("HTTP/1.1 4"), p.body());
        assertEquals(Instant.parse("2026-02-03T10:00:00Z"), Files.getLastModifiedTime(root.resolve("New Text Document.txt")).toInstant());
        assertEquals(201, dav.send("MOVE", "/New%20Text%20Document.txt", null, "Destination", dav.url("/notes.txt")).statusCode());
        assertEquals("content from Windows", Files.readString(root.resolve("notes.txt")));
    }

    @Test
    void formEncodedBodyIsStoredAsBytes() throws Exception {
        assertEquals(201, dav.send("PUT", "/form.txt", "a=1&b=2", "Content-Type", "application/x-www-form-urlencoded").statusCode());
        assertEquals("a=1&b=2", Files.readString(root.resolve("form.txt")));
    }

    @Test
    void ownCloudMtimeAndChecksum() throws Exception {
        HttpResponse<String> r = dav.send("PUT", "/oc.txt", "abc", "X-OC-Mtime", "1600000000", "OC-Checksum", "SHA1:a9993e364706816aba3e25717850c26c9cd0d89d");
        assertEquals(201, r.statusCode());
        assertEquals("accepted", r.headers().firstValue("X-OC-MTime").orElse(""));
        assertEquals(Instant.ofEpochSecond(1_600_000_000L), Files.getLastModifiedTime(root.resolve("oc.txt")).toInstant());
        String props = dav.send("PROPFIND", "/oc.txt", "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\"><d:prop><oc:checksums/><d:getlastmodified/></d:prop></d:propfind>", "Depth", "0").body();
        assertTrue(props.contains("SHA1:a9993e364706816aba3e25717850c26c9cd0d89d"), props);
        assertTrue(props.contains("Sun, 13 Sep 2020 12:26:40 GMT"), props);
        // a body that does not match the announced checksum is refused and not stored
        assertEquals(409, dav.send("PUT", "/bad.txt", "abd", "OC-Checksum", "SHA1:a9993e364706816aba3e25717850c26c9cd0d89d").statusCode());
        assertFalse(Files.exists(root.resolve("bad.txt")));
    }

    @Test
    void missingParentIs409AndNothingIsCreated() throws Exception {
        assertEquals(409, dav.send("PUT", "/no/such/dir/x.txt", "x").statusCode());
        assertFalse(Files.exists(root.resolve("no")));
    }

    @Test
    void putOntoAFolderIs405() throws Exception {
        Files.createDirectories(root.resolve("dir"));
        assertEquals(405, dav.send("PUT", "/dir", "x").statusCode());
        assertEquals(405, dav.send("PUT", "/", "x").statusCode());
        assertTrue(Files.isDirectory(root.resolve("dir")));
    }

    @Test
    void contentRangePutIsRefused() throws Exception {
        dav.send("PUT", "/p.txt", "0123456789");
        assertEquals(400, dav.send("PUT", "/p.txt", "xx", "Content-Range", "bytes 0-1/10").statusCode());
        assertEquals("0123456789", Files.readString(root.resolve("p.txt")));
    }

    @Test
    void uploadLargerThanTheFreeSpaceIs507() throws Exception {
        dav.send("PUT", "/old.bin", "0123456789");
        dav.drivers.get(0).quota = new org.alidav.drive.Quota(95, 100);
        // the op layer caches the quota for a listing TTL; dropping the cache forgets it, and the
        // client's quota PROPFIND (Finder asks before copying) fetches it again for the PUT's check
        assertEquals(200, dav.as("root", "admin").send("POST", "/-/cache/drop", null).statusCode());
        dav.as(DavTestServer.USER, DavTestServer.PASSWORD);
        assertEquals(207, dav.send("PROPFIND", "/", "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:quota-available-bytes/><D:quota-used-bytes/></D:prop></D:propfind>", "Depth", "0").statusCode());
        assertEquals(507, dav.send("PUT", "/big.bin", "x".repeat(20)).statusCode());
        assertEquals(507, dav.putChunked("/big.bin", new byte[20], "X-Expected-Entity-Length", "20").statusCode());
        assertFalse(Files.exists(root.resolve("big.bin")));
        // replacing a file frees its old size first
        assertEquals(204, dav.send("PUT", "/old.bin", "x".repeat(15)).statusCode());
    }

    @Test
    void conditionalPut() throws Exception {
        assertEquals(201, dav.send("PUT", "/c.txt", "one", "If-None-Match", "*").statusCode());
        assertEquals(412, dav.send("PUT", "/c.txt", "two", "If-None-Match", "*").statusCode());
        assertEquals(412, dav.send("PUT", "/c.txt", "two", "If-Match", "\"stale\"").statusCode());
        assertEquals("one", Files.readString(root.resolve("c.txt")));
    }

    @Test
    void clientDisconnectingMidBodyLeavesNothingVisible() throws Exception {
        dav.send("PUT", "/keep.txt", "old content");
        String head = "PUT /keep.txt HTTP/1.1\r\nHost: x\r\nAuthorization: " + dav.authorizationHeader()
                + "\r\nContent-Length: 1000000\r\n\r\n";
        dav.raw(head, "partial".getBytes(StandardCharsets.UTF_8), true);
        dav.raw(head.replace("/keep.txt", "/new.txt"), "partial".getBytes(StandardCharsets.UTF_8), true);
        Thread.sleep(500);
        assertEquals("old content", Files.readString(root.resolve("keep.txt")));
        assertFalse(Files.exists(root.resolve("new.txt")));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }
}

package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request sequences of the two desktop clients that write the most awkwardly, replayed against
 * the assembled server (locks installed, as in production).
 */
class ClientSequencesTest {
    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.local(dir, "");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void windowsExplorerSavesANewFile() throws Exception {
        // Explorer: OPTIONS, an empty PUT, LOCK, the real PUT under the lock, Win32 times, UNLOCK, then a rename.
        assertEquals(200, app.send("OPTIONS", "/", (String) null).statusCode());
        assertTrue(app.send("OPTIONS", "/", (String) null).headers().firstValue("DAV").orElse("").contains("2"));
        assertEquals(201, app.send("PUT", "/New%20Text%20Document.txt", "", "User-Agent", "Microsoft-WebDAV-MiniRedir/10.0.19045").statusCode());
        HttpResponse<String> lock = app.send("LOCK", "/New%20Text%20Document.txt", DavLocks.EXCLUSIVE_BODY, "Timeout", "Second-3600", "Depth", "0");
        assertEquals(200, lock.statusCode(), lock.body());
        String token = DavLocks.token(lock);
        assertEquals(423, app.send("PUT", "/New%20Text%20Document.txt", "no token").statusCode(), "a write without the token is locked out");
        assertEquals(204, app.send("PUT", "/New%20Text%20Document.txt", "hello from windows", "If", "(<" + token + ">)").statusCode());
        String win32 = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><D:propertyupdate xmlns:D=\"DAV:\" xmlns:Z=\"urn:schemas-microsoft-com:\">"
                + "<D:set><D:prop><Z:Win32CreationTime>Tue, 01 Jun 2021 10:00:00 GMT</Z:Win32CreationTime>"
                + "<Z:Win32LastAccessTime>Tue, 01 Jun 2021 10:00:00 GMT</Z:Win32LastAccessTime>"
                + "<Z:Win32LastModifiedTime>Tue, 01 Jun 2021 10:00:00 GMT</Z:Win32LastModifiedTime>"
                + "<Z:Win32FileAttributes>00000020</Z:Win32FileAttributes></D:prop></D:set></D:propertyupdate>";
        HttpResponse<String> patch = app.send("PROPPATCH", "/New%20Text%20Document.txt", win32, "If", "(<" + token + ">)");
        assertEquals(207, patch.statusCode());
        for (String prop : new String[]{"Win32CreationTime", "Win32LastAccessTime", "Win32LastModifiedTime", "Win32FileAttributes"}) {
            assertTrue(patch.body().contains(prop), prop + " answered: " + patch.body());
        }
        assertTrue(patch.body().contains("200 OK"), patch.body());
        for (String failure : new String[]{" 403 ", " 404 ", " 424 ", " 409 "}) assertTrue(!patch.body().contains(failure), patch.body());
        assertEquals(204, app.send("UNLOCK", "/New%20Text%20Document.txt", (String) null, "Lock-Token", "<" + token + ">").statusCode());
        assertEquals(201, app.send("MOVE", "/New%20Text%20Document.txt", (String) null, "Destination", app.url("/notes.txt")).statusCode());

        Path saved = dir.resolve("files/notes.txt");
        assertEquals("hello from windows", Files.readString(saved));
        assertEquals(FileTime.from(Instant.parse("2021-06-01T10:00:00Z")), Files.getLastModifiedTime(saved),
                "Win32LastModifiedTime became the file's modification time");
    }

    @Test
    void finderCopiesAFileWithAChunkedPut() throws Exception {
        // Finder: probes for ._ files, creates an empty file, locks it, PUTs chunked with the size in X-Expected-Entity-Length.
        assertEquals(404, app.send("PROPFIND", "/._movie.mov", (String) null, "Depth", "0").statusCode());
        assertEquals(201, app.send("PUT", "/movie.mov", "").statusCode());
        String token = DavLocks.token(app.send("LOCK", "/movie.mov", DavLocks.EXCLUSIVE_BODY, "Timeout", "Second-600"));
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(body);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpResponse<String> put = app.send("PUT", "/movie.mov", chunked, "X-Expected-Entity-Length", Integer.toString(body.length),
                "If", "(<" + token + ">)", "User-Agent", "WebDAVFS/3.0.0 (03008000) Darwin/21.0.0");
        assertEquals(204, put.statusCode(), put.body());
        assertEquals(201, app.send("PUT", "/._movie.mov", "appledouble").statusCode());
        assertEquals(204, app.send("UNLOCK", "/movie.mov", (String) null, "Lock-Token", "<" + token + ">").statusCode());
        assertEquals(java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-1").digest(body)),
                java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(dir.resolve("files/movie.mov")))));
        assertTrue(!Files.exists(dir.resolve("files/._movie.mov")), "AppleDouble files stay in the shadow store");
        assertEquals(207, app.send("PROPFIND", "/._movie.mov", (String) null, "Depth", "0").statusCode(), "but Finder sees its own write");
    }
}

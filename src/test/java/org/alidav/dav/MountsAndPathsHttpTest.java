package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.dav.http.PathEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several mounts (/ali, /local, nested /a/b), odd names, and paths that try to escape a storage. */
class MountsAndPathsHttpTest {
    @TempDir
    Path dir;
    DavTestServer dav;

    @BeforeEach
    void start() throws Exception {
        dav = DavTestServer.start(dir, "/ali", "/local", "/a/b");
    }

    @AfterEach
    void stop() throws Exception {
        dav.close();
    }

    @Test
    void rootAndIntermediateFoldersListMounts() throws Exception {
        String root = dav.send("PROPFIND", "/", null, "Depth", "1").body();
        assertTrue(root.contains("/ali/</d:href>") && root.contains("/local/</d:href>") && root.contains("/a/</d:href>"), root);
        String a = dav.send("PROPFIND", "/a/", null, "Depth", "1").body();
        assertTrue(a.contains("/a/b/</d:href>"), a);
        assertEquals(201, dav.send("PUT", "/a/b/x.txt", "x").statusCode());
        assertTrue(Files.exists(dav.storageRoot(2).resolve("x.txt")));
        assertEquals(404, dav.send("PROPFIND", "/nothing", null, "Depth", "0").statusCode());
        assertEquals(405, dav.send("PUT", "/a", "x").statusCode());
        assertEquals(200, dav.send("GET", "/", null).statusCode());
    }

    @Test
    void crossMountMoveAndCopyStream() throws Exception {
        dav.send("MKCOL", "/ali/d", null);
        dav.send("PUT", "/ali/d/f.txt", "payload");
        assertEquals(201, dav.send("COPY", "/ali/d", null, "Destination", dav.url("/local/d")).statusCode());
        assertEquals("payload", Files.readString(dav.storageRoot(1).resolve("d/f.txt")));
        assertEquals(201, dav.send("MOVE", "/ali/d/f.txt", null, "Destination", dav.url("/local/moved.txt")).statusCode());
        assertEquals("payload", Files.readString(dav.storageRoot(1).resolve("moved.txt")));
        assertFalse(Files.exists(dav.storageRoot(0).resolve("d/f.txt")));
        assertEquals(403, dav.send("MOVE", "/local/moved.txt", null, "Destination", dav.url("/moved.txt")).statusCode());
    }

    @Test
    void oddNamesRoundTrip() throws Exception {
        for (String name : new String[]{"100%.txt", "a#b.txt", "c+d.txt", "with space.txt", "été.txt", "emoji 😀.txt", "semi;colon.txt", "q'uote\".txt"}) {
            String path = "/ali/" + PathEncoding.encodeSegment(name);
            assertEquals(201, dav.send("PUT", path, name).statusCode(), name);
            assertEquals(name, Files.readString(dav.storageRoot(0).resolve(name)), name);
            assertEquals(name, dav.send("GET", path, null).body(), name);
            String listing = dav.send("PROPFIND", "/ali/", null, "Depth", "1").body();
            assertTrue(listing.contains(path.replace("%27", "'").replace("%3B", ";")) || listing.contains(path), name + "\n" + listing);
        }
    }

    @Test
    void escapesAreRefused() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        String auth = "Authorization: " + dav.authorizationHeader() + "\r\n";
        assertEquals(400, dav.raw("GET /ali/../storage1/x HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n", null, false));
        assertEquals(400, dav.raw("GET /ali/x/../../secret.txt HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n", null, false));
        assertEquals(400, dav.raw("PUT /ali/a/../b.txt HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 1\r\nConnection: close\r\n\r\n", "x".getBytes(), false));
        assertEquals(400, dav.send("GET", "/ali/..%2Fsecret.txt", null).statusCode());
        assertEquals(400, dav.send("GET", "/ali/%2E%2E/secret.txt", null).statusCode());
        assertEquals(400, dav.send("PUT", "/ali/a%5Cb.txt", "x").statusCode());
        // Jetty itself refuses %00 and then drops the connection without saying so: use one of its own
        assertEquals(400, dav.raw("PUT /ali/nul%00.txt HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 1\r\nConnection: close\r\n\r\n", "x".getBytes(), false));
        assertEquals(400, dav.send("MOVE", "/ali/", null, "Destination", dav.url("/ali/..%2F..%2Fx")).statusCode());
        try (var files = Files.list(dav.storageRoot(0))) {
            assertEquals(0, files.count());
        }
        assertFalse(Files.exists(dir.resolve("b.txt")));
    }

    @Test
    void hugeHeadersAre431() throws Exception {
        HttpResponse<String> r = dav.send("GET", "/ali/", null, "X-Big", "x".repeat(20_000));
        assertEquals(431, r.statusCode());
    }
}

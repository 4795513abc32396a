package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ._*, .DS_Store, Thumbs.db and desktop.ini live in the shadow store and never reach the driver. */
class SystemFilesHttpTest {
    @TempDir
    Path dir;
    DavTestServer dav;

    @BeforeEach
    void start() throws Exception {
        dav = DavTestServer.start(dir);
        dav.send("MKCOL", "/docs", null);
        dav.send("PUT", "/docs/report.pdf", "pdf");
        Files.writeString(dav.storageRoot(0).resolve("docs/.DS_Store"), "not ours");
    }

    @AfterEach
    void stop() throws Exception {
        dav.close();
    }

    @Test
    void systemFilesNeverReachTheDriver() throws Exception {
        dav.send("PROPFIND", "/docs/", null, "Depth", "1"); // warm the listing cache
        int before = dav.driverCalls().size();
        assertEquals(404, dav.send("PROPFIND", "/docs/._report.pdf", null, "Depth", "0").statusCode());
        assertEquals(404, dav.send("GET", "/docs/.DS_Store", null).statusCode());
        assertEquals(404, dav.send("HEAD", "/nowhere/Thumbs.db", null).statusCode());
        assertEquals(201, dav.send("PUT", "/docs/._report.pdf", "apple double").statusCode());
        assertEquals(201, dav.send("PUT", "/docs/desktop.ini", "[.ShellClassInfo]").statusCode());
        assertEquals("apple double", dav.send("GET", "/docs/._report.pdf", null).body());
        assertEquals(207, dav.send("PROPPATCH", "/docs/._report.pdf",
                "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><x xmlns=\"urn:x\">1</x></D:prop></D:set></D:propertyupdate>").statusCode());
        assertEquals(201, dav.send("MOVE", "/docs/._report.pdf", null, "Destination", dav.url("/docs/._renamed.pdf")).statusCode());
        assertEquals(204, dav.send("DELETE", "/docs/desktop.ini", null).statusCode());
        assertEquals(List.of(), dav.driverCalls().subList(before, dav.driverCalls().size()));
        assertFalse(Files.exists(dav.storageRoot(0).resolve("docs/._report.pdf")));
        assertFalse(Files.exists(dav.storageRoot(0).resolve("docs/._renamed.pdf")));
    }

    @Test
    void listingsShowOnlyShadowedSystemFiles() throws Exception {
        String before = dav.send("PROPFIND", "/docs/", null, "Depth", "1").body();
        assertFalse(before.contains(".DS_Store"), before);
        dav.send("PUT", "/docs/._report.pdf", "x");
        String after = dav.send("PROPFIND", "/docs/", null, "Depth", "1").body();
        assertTrue(after.contains("/docs/._report.pdf</d:href>"), after);
        assertTrue(after.contains("/docs/report.pdf</d:href>"), after);
    }

    @Test
    void shadowedFilesFollowTheirFolder() throws Exception {
        dav.send("PUT", "/docs/._report.pdf", "x");
        assertEquals(201, dav.send("MOVE", "/docs", null, "Destination", dav.url("/papers")).statusCode());
        assertEquals("x", dav.send("GET", "/papers/._report.pdf", null).body());
        assertEquals(404, dav.send("GET", "/docs/._report.pdf", null).statusCode());
        assertEquals(204, dav.send("DELETE", "/papers", null).statusCode());
        assertEquals(404, dav.send("GET", "/papers/._report.pdf", null).statusCode());
    }
}

package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** MKCOL, DELETE, MOVE, COPY, PROPFIND and PROPPATCH over real HTTP, on one storage at /. */
class WebDavMethodsHttpTest extends OneServerPerTest {

    @Test
    void mkcol() throws Exception {
        assertEquals(201, dav.send("MKCOL", "/d", null).statusCode());
        assertEquals(405, dav.send("MKCOL", "/d", null).statusCode());
        assertEquals(409, dav.send("MKCOL", "/x/y", null).statusCode());
        assertEquals(415, dav.send("MKCOL", "/e", "<foo/>", "Content-Type", "text/xml").statusCode());
        assertFalse(Files.exists(root.resolve("e")));
    }

    @Test
    void deleteFileAndFolder() throws Exception {
        dav.send("MKCOL", "/d", null);
        dav.send("PUT", "/d/f.txt", "x");
        assertEquals(204, dav.send("DELETE", "/d/f.txt", null).statusCode());
        assertEquals(204, dav.send("DELETE", "/d", null).statusCode());
        assertEquals(404, dav.send("DELETE", "/d", null).statusCode());
        assertFalse(Files.exists(root.resolve("d")));
    }

    @Test
    void moveAndCopyWithOverwrite() throws Exception {
        dav.send("PUT", "/a.txt", "A");
        dav.send("PUT", "/b.txt", "B");
        assertEquals(412, dav.send("COPY", "/a.txt", null, "Destination", dav.url("/b.txt"), "Overwrite", "F").statusCode());
        assertEquals(204, dav.send("COPY", "/a.txt", null, "Destination", dav.url("/b.txt")).statusCode());
        assertEquals("A", Files.readString(root.resolve("b.txt")));
        assertEquals(201, dav.send("COPY", "/a.txt", null, "Destination", "/c.txt").statusCode());
        assertEquals(204, dav.send("MOVE", "/c.txt", null, "Destination", dav.url("/b.txt"), "Overwrite", "T").statusCode());
        assertFalse(Files.exists(root.resolve("c.txt")));
        assertEquals(403, dav.send("MOVE", "/a.txt", null, "Destination", dav.url("/a.txt")).statusCode());
        assertEquals(409, dav.send("MOVE", "/a.txt", null, "Destination", dav.url("/none/a.txt")).statusCode());
        assertEquals(400, dav.send("MOVE", "/a.txt", null).statusCode());
    }

    @Test
    void copyDepth() throws Exception {
        dav.send("MKCOL", "/src", null);
        dav.send("PUT", "/src/f.txt", "x");
        assertEquals(201, dav.send("COPY", "/src", null, "Destination", dav.url("/shallow"), "Depth", "0").statusCode());
        assertTrue(Files.isDirectory(root.resolve("shallow")));
        assertFalse(Files.exists(root.resolve("shallow/f.txt")));
        assertEquals(201, dav.send("COPY", "/src", null, "Destination", dav.url("/deep")).statusCode());
        assertEquals("x", Files.readString(root.resolve("deep/f.txt")));
        assertEquals(400, dav.send("COPY", "/src", null, "Destination", dav.url("/one"), "Depth", "1").statusCode());
        assertEquals(409, dav.send("MOVE", "/src", null, "Destination", dav.url("/src/inside")).statusCode());
    }

    @Test
    void propfindDepthInfinityIsRefused() throws Exception {
        for (String[] headers : new String[][]{{"Depth", "infinity"}, {}}) {
            HttpResponse<String> r = dav.send("PROPFIND", "/", null, headers);
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("<D:propfind-finite-depth/>"), r.body());
        }
        assertEquals(207, dav.send("PROPFIND", "/", null, "Depth", "1").statusCode());
    }

    @Test
    void malformedXmlIs400() throws Exception {
        dav.send("PUT", "/p.txt", "x");
        assertEquals(400, dav.send("PROPFIND", "/", "<foo>", "Depth", "0").statusCode());
        assertEquals(400, dav.send("PROPFIND", "/", "<D:propfind xmlns:D=\"DAV:\"><D:prop><bar:foo xmlns:bar=\"\"/></D:prop></D:propfind>", "Depth", "0").statusCode());
        assertEquals(400, dav.send("PROPFIND", "/", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "Depth", "0").statusCode());
        assertEquals(400, dav.send("PROPPATCH", "/p.txt", "<D:propertyupdate xmlns:D=\"DAV:\"><D:set>").statusCode());
        assertEquals(400, dav.send("PROPPATCH", "/p.txt", "").statusCode());
        assertEquals(413, dav.send("PROPFIND", "/", "<a>" + "x".repeat(1 << 20) + "</a>", "Depth", "0").statusCode());
    }

    @Test
    void proppatchIsAtomicAndDeadPropertiesFollowMoveAndCopy() throws Exception {
        dav.send("PUT", "/p.txt", "x");
        String setTwo = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:color>red</t:color>"
                + "<D:displayname>nope</D:displayname></D:prop></D:set></D:propertyupdate>";
        HttpResponse<String> r = dav.send("PROPPATCH", "/p.txt", setTwo);
        assertEquals(207, r.statusCode());
        assertTrue(r.body().contains("424 Failed Dependency") && r.body().contains("403 Forbidden"), r.body());
        String get = "<D:propfind xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:prop><t:color/></D:prop></D:propfind>";
        assertTrue(dav.send("PROPFIND", "/p.txt", get, "Depth", "0").body().contains("404"));

        String set = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:color>red &amp; <t:b>bold</t:b></t:color></D:prop></D:set></D:propertyupdate>";
        assertEquals(207, dav.send("PROPPATCH", "/p.txt", set).statusCode());
        dav.send("MOVE", "/p.txt", null, "Destination", dav.url("/q.txt"));
        dav.send("COPY", "/q.txt", null, "Destination", dav.url("/r.txt"));
        for (String path : new String[]{"/q.txt", "/r.txt"}) {
            String body = dav.send("PROPFIND", path, get, "Depth", "0").body();
            assertTrue(body.contains("red &amp; <t:b xmlns:t=\"urn:t\">bold</t:b>"), body);
        }
        dav.send("DELETE", "/r.txt", null);
        dav.send("PUT", "/r.txt", "new");
        assertTrue(dav.send("PROPFIND", "/r.txt", get, "Depth", "0").body().contains("404"));
    }

    @Test
    void proppatchOverThePropertyLimitsIs507WithTheOthers424() throws Exception {
        dav.send("PUT", "/p.txt", "x");
        String tooBig = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:small>1</t:small>"
                + "<t:big>" + "x".repeat(64 * 1024 + 1) + "</t:big></D:prop></D:set></D:propertyupdate>";
        HttpResponse<String> r = dav.send("PROPPATCH", "/p.txt", tooBig);
        assertEquals(207, r.statusCode());
        assertTrue(r.body().matches("(?s).*<big [^>]*/></D:prop><D:status>HTTP/1.1 507 Insufficient Storage.*"), r.body());
        assertTrue(r.body().matches("(?s).*<small [^>]*/></D:prop><D:status>HTTP/1.1 424 Failed Dependency.*"), r.body());
        String get = "<D:propfind xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:prop><t:small/></D:prop></D:propfind>";
        assertTrue(dav.send("PROPFIND", "/p.txt", get, "Depth", "0").body().contains("404"), "nothing was stored");

        String value = "v".repeat(60 * 1024);
        for (int i = 0; i < 17; i++) {
            String set = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:p" + i + ">" + value
                    + "</t:p" + i + "></D:prop></D:set></D:propertyupdate>";
            assertTrue(dav.send("PROPPATCH", "/p.txt", set).body().contains("200 OK"), "property " + i);
        }
        String overTotal = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:p17>" + value
                + "</t:p17></D:prop></D:set></D:propertyupdate>";
        assertTrue(dav.send("PROPPATCH", "/p.txt", overTotal).body().contains("507 Insufficient Storage"), "over 1 MiB in total");

        String overRequest = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:t=\"urn:t\"><D:set><D:prop><t:q>" + "x".repeat(1 << 20)
                + "</t:q></D:prop></D:set></D:propertyupdate>";
        assertEquals(413, dav.send("PROPPATCH", "/p.txt", overRequest).statusCode(), "the request limit comes first");
    }

    @Test
    void quotaProperties() throws Exception {
        String body = dav.send("PROPFIND", "/", "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:quota-available-bytes/><D:quota-used-bytes/></D:prop></D:propfind>", "Depth", "0").body();
        assertTrue(body.matches("(?s).*<d:quota-available-bytes>\\d+</d:quota-available-bytes>.*"), body);
        assertTrue(body.matches("(?s).*<d:quota-used-bytes>\\d+</d:quota-used-bytes>.*"), body);
    }

    @Test
    void unknownMethodIs501() throws Exception {
        assertEquals(501, dav.send("PATCH", "/", "x").statusCode());
        assertEquals(501, dav.send("SEARCH", "/", null).statusCode());
    }
}

package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.http.PathEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name longer than a local file system allows (255 bytes of UTF-8) is the client's mistake: 400, not 502. */
class LocalNameLengthTest {
    @TempDir
    Path dir;

    @Test
    void namesOver255BytesAre400() throws Exception {
        String longest = "a".repeat(251) + ".txt";
        String tooLong = "\u00e9".repeat(126) + ".txt"; // 252 + 4 = 256 bytes in 130 characters
        try (DavTestServer dav = DavTestServer.start(dir)) {
            assertEquals(201, dav.send("PUT", "/" + longest, "x").statusCode(), "255 bytes fit");
            HttpResponse<String> put = dav.send("PUT", "/" + PathEncoding.encodeSegment(tooLong), "x");
            System.out.println("PUT of a 256-byte name on a local folder: " + put.statusCode() + " " + put.body().trim());
            assertEquals(400, put.statusCode());
            assertTrue(put.body().contains("255 bytes"), put.body());
            assertEquals(400, dav.send("MKCOL", "/" + "d".repeat(256), null).statusCode());
            assertEquals(400, dav.send("MOVE", "/" + longest, null, "Destination", dav.url("/" + "m".repeat(256))).statusCode());
            assertEquals(400, dav.send("COPY", "/" + longest, null, "Destination", dav.url("/" + "c".repeat(256))).statusCode());
            assertEquals(200, dav.send("GET", "/" + longest, null).statusCode());
        }
    }
}

package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.alidav.TestApp;
import org.alidav.dav.DavTestServer;
import org.alidav.sandbox.CallStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Range header must not multiply the upstream reads or the bytes sent: 32 copies of the whole
 * file used to cost 32 cloud downloads and a 32 MiB answer. Counted at the sandbox's object store
 * (cloud) and at a counting driver (local folders).
 */
class RangeAmplificationTest {
    static final int SIZE = 1 << 20;
    static final String COPIES = "bytes=" + String.join(",", java.util.Collections.nCopies(32, "0-1048575"));

    @TempDir
    static Path dir;
    static SandboxDav cloud;
    static byte[] content;

    @BeforeAll
    static void start() throws Exception {
        cloud = new SandboxDav(dir.resolve("cloud"));
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        assertEquals(201, cloud.send("PUT", "/movie.bin", content).statusCode());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void thirtyTwoCopiesOfTheWholeFileAre200WithOneCloudDownload() throws Exception {
        CallStats stats = cloud.stats();
        stats.reset();
        HttpResponse<byte[]> r = cloud.send("GET", "/movie.bin", null, "Range", COPIES);
        long gets = stats.count(CallStats.OBJECT_GET);
        System.out.println("32 overlapping ranges of 1 MiB: status " + r.statusCode() + ", " + r.body().length
                + " bytes, " + gets + " cloud object download(s)");
        assertEquals(200, r.statusCode());
        assertArrayEquals(content, r.body());
        assertTrue(gets <= 1, "cloud downloads: " + gets);
    }

    @Test
    void adjacentRangesBecomeOnePartReadOnce() throws Exception {
        cloud.stats().reset();
        HttpResponse<byte[]> r = cloud.send("GET", "/movie.bin", null, "Range", "bytes=100-199,0-99,200-299");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 0-299/" + SIZE, r.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(content, 0, 300), r.body());
        // 0 when the driver serves the part from a stream an earlier test left open at that offset
        long gets = cloud.stats().count(CallStats.OBJECT_GET);
        assertTrue(gets <= 1, "cloud downloads: " + gets);
    }

    @Test
    void aValidMultiRangeIsStillMultipart() throws Exception {
        // a file of its own: no stream another test left open can serve it, so it is read from the cloud
        assertEquals(201, cloud.send("PUT", "/multi.bin", content).statusCode());
        cloud.stats().reset();
        HttpResponse<byte[]> r = cloud.send("GET", "/multi.bin", null, "Range", "bytes=1000-1009,5-9,2000-2004");
        assertEquals(206, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        List<String> parts = parts(r.body(), type.substring(type.indexOf('=') + 1));
        assertEquals(List.of("bytes 5-9/" + SIZE, "bytes 1000-1009/" + SIZE, "bytes 2000-2004/" + SIZE), parts);
        assertEquals(r.body().length, Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow()));
        long gets = cloud.stats().count(CallStats.OBJECT_GET);
        System.out.println("3 disjoint ranges: multipart 206 with " + parts.size() + " parts, " + gets + " cloud object download(s)");
        // at most one read per part; the driver may serve a later part from the stream it already has open
        assertTrue(gets >= 1 && gets <= 3, "cloud downloads: " + gets);
    }

    /** The Content-Range of each part, checking each part's bytes against the file. */
    private static List<String> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> ranges = new ArrayList<>();
        for (String part : text.split("\r\n--" + boundary)) {
            int header = part.indexOf("Content-Range: ");
            if (header < 0) continue;
            String range = part.substring(header + 15, part.indexOf("\r\n", header));
            String[] firstLast = range.substring(6, range.indexOf('/')).split("-");
            int first = Integer.parseInt(firstLast[0]);
            int last = Integer.parseInt(firstLast[1]);
            byte[] data = part.substring(part.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
            assertArrayEquals(Arrays.copyOfRange(content, first, last + 1), data, range);
            ranges.add(range);
        }
        return ranges;
    }

    @Test
    void localFoldersReadTheFileOnceToo() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir.resolve("local"))) {
            Files.write(dav.storageRoot(0).resolve("movie.bin"), content);
            dav.send("PROPFIND", "/", null, "Depth", "1");
            dav.drivers.get(0).calls.clear();
            HttpResponse<byte[]> r = dav.sendBytes("GET", "/movie.bin", null, "Range", COPIES);
            long opens = dav.driverCalls().stream().filter(c -> c.startsWith("open ")).count();
            System.out.println("local: 32 overlapping ranges: status " + r.statusCode() + ", " + r.body().length + " bytes, " + opens + " open(s)");
            assertEquals(200, r.statusCode());
            assertEquals(SIZE, r.body().length);
            assertEquals(1, opens);
        }
    }

    @Test
    void moreRangesThanMaxRangesGetTheWholeFile() throws Exception {
        try (TestApp app = TestApp.local(dir.resolve("limit"), "downloads:\n  max_ranges: 2\n")) {
            Files.createDirectories(dir.resolve("limit/files"));
            Files.writeString(dir.resolve("limit/files/ten.txt"), "0123456789");
            HttpResponse<String> two = app.send("GET", "/ten.txt", java.net.http.HttpRequest.BodyPublishers.noBody(), "Range", "bytes=0-0,5-5");
            assertEquals(206, two.statusCode());
            HttpResponse<String> three = app.send("GET", "/ten.txt", java.net.http.HttpRequest.BodyPublishers.noBody(), "Range", "bytes=0-0,5-5,8-8");
            assertEquals(200, three.statusCode());
            assertEquals("0123456789", three.body());
        }
    }
}

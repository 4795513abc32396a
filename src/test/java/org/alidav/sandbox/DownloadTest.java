package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class DownloadTest extends SandboxTestSupport {

    @Test
    void urlShapeAndLifetimeCap() {
        String id = api.upload("root", "a.bin", TestApi.bytes(1000, 1), 1000).get("file_id").asText();
        JsonNode link = api.ok("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id, "expire_sec", 14400));
        assertEquals("GET", link.get("method").asText());
        assertEquals(1000, link.get("size").asLong());
        long expires = Long.parseLong(HttpUrl.get(link.get("url").asText()).queryParameter("x-oss-expires"));
        assertEquals(clock.millis() / 1000 + 900, expires, "capped at 900 s");
        assertEquals(Instant.ofEpochSecond(expires), Instant.parse(link.get("expiration").asText()));
        JsonNode shortLink = api.ok("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id, "expire_sec", 60));
        assertEquals(clock.millis() / 1000 + 60,
                Long.parseLong(HttpUrl.get(shortLink.get("url").asText()).queryParameter("x-oss-expires")));
        String folder = api.mkdir("root", "dir");
        assertEquals(400, api.post("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", folder)).status());
    }

    @Test
    void rangesHeadAndExpiry() {
        byte[] data = TestApi.bytes(5000, 2);
        String url = api.downloadUrl(api.upload("root", "r.bin", data, 5000).get("file_id").asText());
        TestApi.Resp full = api.get(url);
        assertEquals(200, full.status());
        assertEquals("bytes", full.headers().get("Accept-Ranges"));
        assertArrayEquals(data, full.bytes());
        TestApi.Resp part = api.get(url, "Range", "bytes=100-199");
        assertEquals(206, part.status());
        assertEquals("bytes 100-199/5000", part.headers().get("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(data, 100, 200), part.bytes());
        assertArrayEquals(Arrays.copyOfRange(data, 4990, 5000), api.get(url, "Range", "bytes=-10").bytes());
        assertArrayEquals(Arrays.copyOfRange(data, 4000, 5000), api.get(url, "Range", "bytes=4000-").bytes());
        assertEquals(416, api.get(url, "Range", "bytes=5000-").status());
        TestApi.Resp head = api.call(new Request.Builder().url(url).head().build());
        assertEquals(200, head.status());
        assertEquals("5000", head.headers().get("Content-Length"));

        assertEquals(403, api.get(url, "Referer", "https://evil.example/").status());
        assertEquals(200, api.get(url, "Referer", "https://www.alipan.com/").status());
        TestApi.Resp forged = api.get(url.replace("x-oss-expires=", "x-oss-expires=9"));
        assertEquals(403, forged.status());
        assertTrue(forged.text().contains("SignatureDoesNotMatch"));

        clock.advance(Duration.ofSeconds(901));
        TestApi.Resp expired = api.get(url);
        assertEquals(403, expired.status());
        assertTrue(expired.contentType().contains("xml"));
        assertTrue(expired.text().contains("<Code>AccessDenied</Code>"));
        assertTrue(expired.text().contains("<Message>Request has expired.</Message>"));
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_HEAD, 200));
    }

    @Test
    void concurrentDownloadsPerUserAreCapped() throws Exception {
        byte[] data = TestApi.bytes(32 << 20, 3);
        String url = api.downloadUrl(api.upload("root", "big.bin", data, 16 << 20).get("file_id").asText());
        List<Response> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Response r = api.http.newCall(new Request.Builder().url(url).build()).execute();
                assertEquals(200, r.code());
                open.add(r); // body not read: the server is still sending
            }
            TestApi.Resp fourth = api.get(url);
            assertEquals(403, fourth.status());
            assertTrue(fourth.text().contains("RequestDeniedByCallback"));
            assertTrue(fourth.text().contains("ExceedMaxConcurrency"));
        } finally {
            open.forEach(Response::close);
        }
        // slots are released once those downloads end
        long deadline = System.currentTimeMillis() + 5000;
        int status;
        do {
            status = api.get(url, "Range", "bytes=0-0").status();
        } while (status != 206 && System.currentTimeMillis() < deadline);
        assertEquals(206, status);
    }

    @Test
    void fileObjectsOfFilesUnderFiveMegabytesCarryAWorkingLink() {
        byte[] small = TestApi.bytes(4000, 7);
        String id = api.upload("root", "small.bin", small, 4000).get("file_id").asText();
        api.upload("root", "big.bin", TestApi.bytes(5_000_000, 8), 5_000_000);
        JsonNode items = api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root")).get("items");
        for (JsonNode item : items) {
            assertEquals(item.get("name").asText().equals("small.bin"), item.has("url"), "only a file under 5 MB: " + item);
        }
        JsonNode got = api.ok("openFile/get", m("drive_id", api.driveId, "file_id", id));
        long expires = Long.parseLong(HttpUrl.get(got.get("url").asText()).queryParameter("x-oss-expires"));
        assertEquals(clock.millis() / 1000 + 900, expires, "as long as a download link lives");
        assertArrayEquals(small, api.get(got.get("url").asText()).bytes());
        sandbox.faults().withholdFileObjectLinks(true);
        assertFalse(api.ok("openFile/get_by_path", m("drive_id", api.driveId, "file_path", "/small.bin")).has("url"));
    }

    @Test
    void livpHasStreamUrls() throws Exception {
        byte[] heic = TestApi.bytes(3000, 4);
        byte[] mov = TestApi.bytes(7000, 5);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("IMG_0001.HEIC"));
            z.write(heic);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("IMG_0001.MOV"));
            z.write(mov);
            z.closeEntry();
        }
        String id = api.upload("root", "IMG_0001.livp", zip.toByteArray(), 1 << 20).get("file_id").asText();
        JsonNode link = api.ok("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id));
        assertFalse(link.has("url"));
        assertArrayEquals(heic, api.get(link.get("streamsUrl").get("jpeg").asText()).bytes());
        assertArrayEquals(mov, api.get(link.get("streams_url").get("mov").asText()).bytes());
        assertArrayEquals(Arrays.copyOfRange(mov, 10, 20),
                api.get(link.get("streamsUrl").get("mov").asText(), "Range", "bytes=10-19").bytes());
    }

    @Test
    void videoPreview() {
        String id = api.upload("root", "v.mp4", TestApi.bytes(100, 6), 100).get("file_id").asText();
        JsonNode info = api.ok("openFile/getVideoPreviewPlayInfo", m("drive_id", api.driveId, "file_id", id,
                "category", "live_transcoding", "url_expire_sec", 14400));
        JsonNode tasks = info.get("video_preview_play_info").get("live_transcoding_task_list");
        assertEquals(4, tasks.size());
        JsonNode fhd = tasks.get(3);
        assertEquals("FHD", fhd.get("template_id").asText());
        assertEquals("finished", fhd.get("status").asText());
        TestApi.Resp playlist = api.get(fhd.get("url").asText());
        assertEquals(200, playlist.status());
        assertTrue(playlist.text().startsWith("#EXTM3U"));
        String segment = playlist.text().lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        assertEquals(100, api.get(segment).bytes().length);
        String txt = api.upload("root", "n.txt", new byte[1], 10).get("file_id").asText();
        assertEquals(400, api.post("openFile/getVideoPreviewPlayInfo", m("drive_id", api.driveId, "file_id", txt)).status());
    }
}

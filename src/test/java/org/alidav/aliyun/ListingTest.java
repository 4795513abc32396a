package org.alidav.aliyun;

import static org.alidav.aliyun.ScriptedApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingTest {
    private static final String LIST = "/adrive/v1.0/openFile/list";
    @TempDir
    Path state;
    ScriptedApi api;
    Harness h;

    @BeforeEach
    void setUp() throws Exception {
        api = new ScriptedApi();
        h = new Harness(api, state);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    @Test
    void pagesUntilTheMarkerIsEmptyEvenWhenTheServerClampsTo100() {
        // 250 items served 100 per page although 200 were asked for
        api.on(LIST, c -> {
            int from = c.json().get("marker").asText().isEmpty() ? 0 : Integer.parseInt(c.json().get("marker").asText());
            List<String> items = new ArrayList<>();
            for (int i = from; i < Math.min(from + 100, 250); i++) items.add(Harness.file("f" + i, "n" + i, i));
            return json(200, Harness.listPage(from + 100 < 250 ? String.valueOf(from + 100) : "", items.toArray(String[]::new)));
        });
        List<Entry> all = h.driver().list(Harness.folder("root"));
        assertEquals(250, all.size());
        assertEquals(3, api.count(LIST));
        assertEquals(200, api.calls(LIST).get(0).json().get("limit").asInt());
    }

    @Test
    void mapsFieldsAndSkipsIncompleteUploads() {
        api.on(LIST, c -> json(200, Harness.listPage("",
                "{\"file_id\":\"a\",\"file_name\":\"named-by-file_name.txt\",\"type\":\"file\",\"size\":5,"
                        + "\"content_hash\":\"A9993E364706816ABA3E25717850C26C9CD0D89D\",\"mime_type\":\"text/plain\","
                        + "\"created_at\":\"2023-01-01T00:00:00.000Z\",\"updated_at\":\"2023-06-01T00:00:00.000Z\","
                        + "\"local_modified_at\":\"2020-02-02T02:02:02.000Z\"}",
                "{\"file_id\":\"b\",\"name\":\"dir\",\"type\":\"folder\",\"updated_at\":\"2023-06-01T00:00:00.000Z\",\"status\":\"available\"}",
                "{\"file_id\":\"c\",\"name\":\"half.bin\",\"type\":\"file\",\"size\":9,\"status\":\"uploading\"}")));
        List<Entry> entries = h.driver().list(Harness.folder("root"));
        assertEquals(2, entries.size());
        Entry a = entries.get(0);
        assertEquals("named-by-file_name.txt", a.name());
        assertEquals(5, a.size());
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", a.sha1());
        assertEquals(Instant.parse("2020-02-02T02:02:02Z"), a.modified(), "the client's mtime wins");
        assertEquals("text/plain", a.contentType());
        Entry b = entries.get(1);
        assertEquals(true, b.folder());
        assertNull(b.sha1());
    }

    @Test
    void driveTypeOrderAndRootAreSentVerbatim() {
        api.on(LIST, c -> json(200, Harness.listPage("")));
        Driver d = h.driver(Map.of("drive_type", "default", "order_by", "name", "order_direction", "DESC", "root_folder_id", "abc"));
        d.list(d.root());
        var body = api.calls(LIST).get(0).json();
        assertEquals("d1", body.get("drive_id").asText());
        assertEquals("name", body.get("order_by").asText());
        assertEquals("DESC", body.get("order_direction").asText());
        assertEquals("abc", body.get("parent_file_id").asText());
    }

    @Test
    void resourceDriveIsTheDefaultAndAMissingDriveFallsBackToTheDefaultDrive() {
        api.on(LIST, c -> json(200, Harness.listPage("")));
        h.driver().list(Harness.folder("root"));
        assertEquals("r1", api.calls(LIST).get(0).json().get("drive_id").asText());
        h.driver(Map.of("drive_type", "backup")).list(Harness.folder("root"));
        assertEquals("d1", api.calls(LIST).get(1).json().get("drive_id").asText());
    }

    @Test
    void userAgentAndLinkLifetimeOptionsReachTheWire() {
        api.on(LIST, c -> json(200, Harness.listPage("")));
        api.on("/adrive/v1.0/openFile/getDownloadUrl", c -> json(200, "{\"url\":\"" + api.url("/oss") + "\"}"));
        Driver d = h.driver(Map.of("user_agent", "alidav-test/1", "link_expire_sec", 900));
        d.list(d.root());
        ((org.alidav.drive.Linker) d).link(Entry.file("f", "f.bin", 1, Instant.EPOCH, null));
        assertEquals("alidav-test/1", api.calls(LIST).get(0).headers().get("User-Agent"));
        assertEquals(900, api.calls("/adrive/v1.0/openFile/getDownloadUrl").get(0).json().get("expire_sec").asInt());
    }

    @Test
    void onlyListingLinksThatAreTheFileItselfAndSayWhenTheyDieSpareAGetDownloadUrl() {
        String link = "/adrive/v1.0/openFile/getDownloadUrl";
        long expires = TestTokens.NOW.getEpochSecond() + 900;
        String oss = api.url("/oss?x-oss-expires=" + expires + "&sig=x");
        api.on(LIST, c -> json(200, Harness.listPage("",
                item("plain", "a.bin", "others", oss),
                item("preview", "b.jpg", "image", oss),
                item("processed", "c.bin", "others", oss + "&x-oss-process=image/resize"),
                item("undated", "d.bin", "others", api.url("/oss?sig=x")),
                item("expired", "e.bin", "others", api.url("/oss?x-oss-expires=" + (TestTokens.NOW.getEpochSecond() + 30) + "&sig=x")),
                item("photo", "f.livp", "image", oss))));
        api.on(link, c -> json(200, "{\"url\":\"" + oss + "&fresh=1\"}"));
        Driver d = h.driver();
        List<Entry> listed = d.list(Harness.folder("root"));
        org.alidav.drive.Linker linker = (org.alidav.drive.Linker) d;
        assertEquals(oss, linker.link(listed.get(0)).url(), "the listing's link of a plain file is used");
        assertEquals(0, api.count(link));
        for (int i = 1; i < listed.size(); i++) linker.link(listed.get(i));
        assertEquals(listed.size() - 1, api.count(link),
                "an image's url may be a preview, a processed or undated one cannot be trusted, one inside the margin is dead, a live photo is served as a stream");
    }

    private static String item(String id, String name, String category, String url) {
        return "{\"file_id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"file\",\"size\":10,\"category\":\"" + category
                + "\",\"url\":\"" + url + "\"}";
    }
}

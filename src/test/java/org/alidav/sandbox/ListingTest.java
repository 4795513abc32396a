package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingTest extends SandboxTestSupport {

    private List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    private JsonNode list(String parent, Object... extra) {
        var body = m("drive_id", api.driveId, "parent_file_id", parent);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return api.ok("openFile/list", body);
    }

    @Test
    void paginatesWithOpaqueMarkersUntilEmpty() {
        String dir = api.mkdir("root", "big");
        for (int i = 0; i < 450; i++) {
            api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", dir, "name", "f" + i,
                    "type", "folder", "check_name_mode", "ignore"));
        }
        Set<String> seen = new HashSet<>();
        String marker = "";
        int pages = 0;
        do {
            JsonNode page = list(dir, "limit", 200, "marker", marker, "order_by", "", "order_direction", "");
            seen.addAll(names(page));
            marker = page.get("next_marker").asText();
            pages++;
        } while (!marker.isEmpty());
        assertEquals(3, pages);
        assertEquals(450, seen.size());
        assertEquals(50, list(dir).get("items").size(), "default limit");
        TestApi.Resp tooMany = api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", dir, "limit", 201));
        assertEquals(400, tooMany.status());
        assertEquals("InvalidParameter.Limit", tooMany.code());
        assertEquals(400, api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", dir,
                "marker", "not-a-marker")).status());
    }

    @Test
    void ordersAndFilters() {
        api.mkdir("root", "b10");
        api.upload("root", "b2.txt", new byte[] {1, 2, 3}, 100);
        api.upload("root", "a.mp4", TestApi.bytes(10, 1), 100);
        assertEquals(List.of("a.mp4", "b10", "b2.txt"), names(list("root", "order_by", "name")));
        assertEquals(List.of("b2.txt", "b10", "a.mp4"), names(list("root", "order_by", "name", "order_direction", "DESC")));
        assertEquals(List.of("a.mp4", "b2.txt", "b10"), names(list("root", "order_by", "name_enhanced")));
        assertEquals(List.of("b10"), names(list("root", "type", "folder")));
        assertEquals(List.of("a.mp4", "b2.txt"), names(list("root", "type", "file", "order_by", "name")));
        assertEquals(List.of("a.mp4"), names(list("root", "category", "video")));
        assertEquals(List.of("b10", "b2.txt", "a.mp4"), names(list("root", "order_by", "size", "order_direction", "ASC")));
        assertEquals(400, api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root",
                "order_by", "colour")).status());
    }

    @Test
    void fileObjectsCarryTheDocumentedFields() {
        byte[] data = "hello".getBytes();
        api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "h.TXT",
                "type", "file", "local_modified_at", "2020-01-01T00:00:00.000Z", "part_info_list", List.of(m("part_number", 1))));
        JsonNode f = api.upload("root", "hello.txt", data, 100);
        assertTrue(f.get("file_id").asText().matches("[0-9a-f]{40}"));
        assertEquals("root", f.get("parent_file_id").asText());
        assertEquals(5, f.get("size").asLong());
        assertEquals(TestApi.sha1(data), f.get("content_hash").asText());
        assertEquals("sha1", f.get("content_hash_name").asText());
        assertEquals("txt", f.get("file_extension").asText());
        assertEquals("doc", f.get("category").asText());
        assertEquals("text/plain", f.get("mime_type").asText());
        assertTrue(f.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(f.get("updated_at").asText().endsWith("Z"));
        assertEquals("available", f.get("status").asText());
        assertFalse(f.get("trashed").asBoolean());
        assertEquals(api.driveId, f.get("drive_id").asText());
        // the incomplete upload "h.TXT" stays hidden
        assertEquals(List.of("hello.txt"), names(list("root")));
    }

    @Test
    void trashedAndDeletedParents() {
        String dir = api.mkdir("root", "d");
        String sub = api.mkdir(dir, "sub");
        api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", dir));
        TestApi.Resp trashed = api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", dir));
        assertEquals(400, trashed.status());
        assertEquals("ForbiddenFileInTheRecycleBin", trashed.code());
        assertEquals("ForbiddenFileInTheRecycleBin",
                api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", sub)).code());
        api.ok("openFile/delete", m("drive_id", api.driveId, "file_id", dir));
        TestApi.Resp deleted = api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", sub));
        assertEquals(404, deleted.status());
        assertEquals("NotFound.FileId", deleted.code());
    }

    @Test
    void lookups() {
        String dir = api.mkdir("root", "docs");
        JsonNode f = api.upload(dir, "x.txt", "x".getBytes(), 10);
        String id = f.get("file_id").asText();
        assertEquals("x.txt", api.ok("openFile/get", m("drive_id", api.driveId, "file_id", id)).get("name").asText());
        assertEquals(id, api.ok("openFile/get_by_path", m("drive_id", api.driveId, "file_path", "/docs/x.txt"))
                .get("file_id").asText());
        assertEquals(404, api.post("openFile/get_by_path", m("drive_id", api.driveId, "file_path", "/docs/nope")).status());
        JsonNode batch = api.ok("openFile/batch/get", m("file_list", List.of(m("drive_id", api.driveId, "file_id", id),
                m("drive_id", api.driveId, "file_id", "0".repeat(40)))));
        assertEquals(1, batch.get("items").size());
        JsonNode search = api.ok("openFile/search", m("drive_id", api.driveId,
                "query", "parent_file_id = '" + dir + "' and name = 'x.txt'", "return_total_count", true));
        assertEquals(1, search.get("total_count").asInt());
        assertEquals(id, search.get("items").get(0).get("file_id").asText());
        TestApi.Resp unknown = api.post("openFile/get", m("drive_id", api.driveId, "file_id", "f".repeat(40)));
        assertEquals(404, unknown.status());
        assertEquals("NotFound.FileId", unknown.code());
        TestApi.Resp foreignDrive = api.post("openFile/get", m("drive_id", "1", "file_id", id));
        assertEquals(403, foreignDrive.status());
    }

    @Test
    void spaceInfoCountsTrash() {
        JsonNode f = api.upload("root", "s.bin", TestApi.bytes(1000, 3), 400);
        api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", f.get("file_id").asText()));
        JsonNode info = api.ok("user/getSpaceInfo", m()).get("personal_space_info");
        assertEquals(1000, info.get("used_size").asLong());
        assertEquals(2L << 40, info.get("total_size").asLong());
    }

    @Test
    void badRequestsGetJsonErrors() {
        TestApi.Resp malformed = api.postRaw(SandboxServer.API_PREFIX + "openFile/list", "{nope", api.accessToken, true);
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/json"));
        assertEquals("InvalidParameter", malformed.code());
        TestApi.Resp missing = api.post("openFile/list", m("drive_id", api.driveId));
        assertEquals(400, missing.status());
        TestApi.Resp route = api.post("openFile/teleport", m());
        assertEquals(404, route.status());
        assertTrue(route.contentType().startsWith("application/json"));
        // empty body is {}
        assertEquals(200, api.postRaw(SandboxServer.API_PREFIX + "user/getSpaceInfo", "", api.accessToken, true).status());
    }
}

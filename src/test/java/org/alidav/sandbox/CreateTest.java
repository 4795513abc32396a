package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTest extends SandboxTestSupport {

    private JsonNode create(String name, String type, String mode) {
        return api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", name,
                "type", type, "check_name_mode", mode));
    }

    private long countNamed(String name) {
        JsonNode items = api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root", "limit", 200)).get("items");
        int n = 0;
        for (JsonNode i : items) {
            if (i.get("name").asText().equals(name)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void folderModes() {
        JsonNode first = create("a", "folder", "refuse");
        assertEquals("a", first.get("file_name").asText());
        assertFalse(first.has("name"), "create answers use file_name");
        assertFalse(first.get("exist").asBoolean());
        assertTrue(first.get("created_at").asText().endsWith("Z"));
        JsonNode refused = create("a", "folder", "refuse");
        assertTrue(refused.get("exist").asBoolean());
        assertEquals(first.get("file_id").asText(), refused.get("file_id").asText());
        JsonNode ignored = create("a", "folder", "ignore");
        assertNotEquals(first.get("file_id").asText(), ignored.get("file_id").asText());
        assertEquals(2, countNamed("a"));
        assertEquals("a(1)", create("a", "folder", "auto_rename").get("file_name").asText());
    }

    @Test
    void fileAutoRenameKeepsTheExtension() {
        api.upload("root", "r.txt", "1".getBytes(), 10);
        JsonNode c = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "r.txt",
                "type", "file", "check_name_mode", "auto_rename", "part_info_list", List.of(m("part_number", 1))));
        assertEquals("r(1).txt", c.get("file_name").asText());
        assertFalse(c.get("rapid_upload").asBoolean());
        assertFalse(c.get("upload_id").asText().isEmpty());
        JsonNode refused = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "r.txt", "type", "file", "check_name_mode", "refuse"));
        assertTrue(refused.get("exist").asBoolean());
    }

    @Test
    void startFailsCleanlyWhenThePortIsTaken() {
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> SandboxServer.start(
                sandbox.options().toBuilder().dataDir(dataDir.resolve("other")).port(sandbox.port()).build()));
        assertEquals(200, api.post("user/getDriveInfo", m()).status());
    }

    @Test
    void nameRules() {
        assertEquals("InvalidParameter.Name", api.post("openFile/create", m("drive_id", api.driveId,
                "parent_file_id", "root", "name", "x/", "type", "folder")).code());
        assertEquals(400, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "é".repeat(513), "type", "folder")).status());
        assertEquals(200, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "é".repeat(512), "type", "folder")).status());
        assertEquals(400, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "x", "type", "symlink")).status());
        assertEquals(404, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "a".repeat(40),
                "name", "x", "type", "folder")).status());
        assertEquals(400, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "x", "type", "folder", "check_name_mode", "overwrite")).status());
    }

    @Test
    void partListLimits() {
        List<Object> tooMany = new java.util.ArrayList<>();
        for (int i = 1; i <= 10_001; i++) {
            tooMany.add(m("part_number", i));
        }
        assertEquals(400, api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "big", "type", "file", "part_info_list", tooMany)).status());
        JsonNode zero = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "empty", "type", "file", "part_info_list", List.of()));
        assertEquals(0, zero.get("part_info_list").size());
        JsonNode done = api.ok("openFile/complete", m("drive_id", api.driveId, "file_id", zero.get("file_id").asText(),
                "upload_id", zero.get("upload_id").asText()));
        assertEquals(0, done.get("size").asLong());
        assertEquals(TestApi.sha1(new byte[0]), done.get("content_hash").asText());
    }
}

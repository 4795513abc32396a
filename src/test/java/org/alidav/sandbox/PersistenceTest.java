package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistenceTest extends SandboxTestSupport {

    @Test
    void treeBlobsTokensAndOpenUploadsSurviveARestart() {
        String dir = api.mkdir("root", "keep");
        byte[] data = TestApi.bytes(70_000, 9);
        String fileId = api.upload(dir, "k.bin", data, 30_000).get("file_id").asText();
        String gone = api.mkdir("root", "gone");
        api.ok("openFile/delete", m("drive_id", api.driveId, "file_id", gone));
        String trashed = api.mkdir("root", "binned");
        api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", trashed));
        JsonNode open = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", dir, "name", "half.bin",
                "type", "file", "part_info_list", List.of(m("part_number", 1), m("part_number", 2))));
        assertEquals(200, api.put(open.get("part_info_list").get(0).get("upload_url").asText(), new byte[] {1, 2}).status());
        api.refresh();

        restart();

        assertEquals(200, api.post("user/getDriveInfo", m()).status(), "access token persisted");
        api.refresh(); // the last rotated refresh token still works
        JsonNode items = api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", dir)).get("items");
        assertEquals(1, items.size());
        assertEquals("k.bin", items.get(0).get("name").asText());
        assertArrayEquals(data, api.get(api.downloadUrl(fileId)).bytes());
        assertEquals(404, api.post("openFile/get", m("drive_id", api.driveId, "file_id", gone)).status());
        assertEquals(List.of("binned"), sandbox.trashedNames("alice"));
        assertEquals(List.of("keep"), api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root"))
                .findValuesAsText("name"));
        // the open upload continues: part 1 is still there (409), part 2 goes in, complete assembles both
        assertEquals(409, api.put(open.get("part_info_list").get(0).get("upload_url").asText(), new byte[] {1, 2}).status());
        assertEquals(200, api.put(open.get("part_info_list").get(1).get("upload_url").asText(), new byte[] {3}).status());
        JsonNode done = api.ok("openFile/complete", m("drive_id", api.driveId,
                "file_id", open.get("file_id").asText(), "upload_id", open.get("upload_id").asText()));
        assertEquals(TestApi.sha1(new byte[] {1, 2, 3}), done.get("content_hash").asText());
        // rapid-upload index is rebuilt from the blobs
        TestApi.Resp pre = api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "again.bin", "type", "file", "size", data.length,
                "pre_hash", TestApi.sha1(java.util.Arrays.copyOf(data, 1024))));
        assertEquals("PreHashMatched", pre.code());
        assertTrue(sandbox.defaultRefreshTokenFile().toFile().exists());
    }
}

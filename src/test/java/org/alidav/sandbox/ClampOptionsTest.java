package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Options that change documented-but-uncertain behaviour. */
class ClampOptionsTest extends SandboxTestSupport {
    @Override
    SandboxOptions.Builder configure(SandboxOptions.Builder b) {
        return b.clampListLimitTo100(true).omitBackupDrive(true).recycleBinStatus(403).totalSpaceBytes(1000);
    }

    @Test
    void listLimitClampsTo100() {
        for (int i = 0; i < 120; i++) {
            api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "n" + i,
                    "type", "folder"));
        }
        JsonNode page = api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root", "limit", 200));
        assertEquals(100, page.get("items").size());
        assertFalse(page.get("next_marker").asText().isEmpty());
    }

    @Test
    void omittedDriveAndRecycleStatusAndQuota() {
        JsonNode info = api.ok("user/getDriveInfo", m());
        assertFalse(info.has("backup_drive_id"));
        String id = api.mkdir("root", "t");
        api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", id));
        assertEquals(403, api.post("openFile/get", m("drive_id", api.driveId, "file_id", id)).status());
        assertEquals(1000, api.ok("user/getSpaceInfo", m()).get("personal_space_info").get("total_size").asLong());
        api.upload("root", "a", new byte[600], 1000);
        var created = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "b",
                "type", "file", "part_info_list", java.util.List.of(m("part_number", 1))));
        api.put(created.get("part_info_list").get(0).get("upload_url").asText(), new byte[600]);
        TestApi.Resp full = api.post("openFile/complete", m("drive_id", api.driveId,
                "file_id", created.get("file_id").asText(), "upload_id", created.get("upload_id").asText()));
        assertEquals("QuotaExhausted.Drive", full.code());
    }
}

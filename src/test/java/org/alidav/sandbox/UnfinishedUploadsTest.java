package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Both readings of whether list and get show an upload session before its complete (docs/open-api.md, "Open questions"). */
class UnfinishedUploadsTest {
    /** A session named "u.bin" in the root, beside a finished "done.bin"; answers the session's id. */
    static String sessionBesideAFinishedFile(TestApi api) {
        api.upload("root", "done.bin", new byte[3], 3);
        return api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "u.bin",
                "type", "file", "part_info_list", List.of(m("part_number", 1)))).get("file_id").asText();
    }

    static List<String> listed(TestApi api) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root")).get("items")) {
            out.add(item.get("name").asText() + ":" + item.get("status").asText());
        }
        return out.stream().sorted().toList();
    }

    @Nested
    class Hidden extends SandboxTestSupport {
        @Test
        void aSessionIsNeitherListedNorAnsweredByGet() {
            String id = sessionBesideAFinishedFile(api);

            assertEquals(List.of("done.bin:available"), listed(api));
            assertEquals("NotFound.FileId", api.post("openFile/get", m("drive_id", api.driveId, "file_id", id)).code());
        }
    }

    @Nested
    class Listed extends SandboxTestSupport {
        @Override
        SandboxOptions.Builder configure(SandboxOptions.Builder b) {
            return b.listUnfinishedUploads(true);
        }

        @Test
        void aSessionIsListedAndAnsweredAsUploadingUntilDeleted() {
            String id = sessionBesideAFinishedFile(api);

            assertEquals(List.of("done.bin:available", "u.bin:uploading"), listed(api));
            assertEquals("uploading", api.ok("openFile/get", m("drive_id", api.driveId, "file_id", id)).get("status").asText());

            api.ok("openFile/delete", m("drive_id", api.driveId, "file_id", id));
            assertEquals(List.of("done.bin:available"), listed(api));
        }
    }
}

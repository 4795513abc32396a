package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileOpsTest extends SandboxTestSupport {

    private List<String> names(String parent) {
        List<String> out = new ArrayList<>();
        api.ok("openFile/list", m("drive_id", api.driveId, "parent_file_id", parent, "limit", 200, "order_by", "name"))
                .get("items").forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    @Test
    void trashVersusDelete() {
        String a = api.upload("root", "a.txt", "a".getBytes(), 10).get("file_id").asText();
        String b = api.upload("root", "b.txt", "b".getBytes(), 10).get("file_id").asText();
        String dir = api.mkdir("root", "d");
        JsonNode trash = api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", a));
        assertFalse(trash.has("async_task_id"));
        assertTrue(api.ok("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", dir)).has("async_task_id"));
        assertEquals(List.of("a.txt", "d"), sandbox.trashedNames("alice"));
        assertEquals(List.of("b.txt"), names("root"));
        TestApi.Resp get = api.post("openFile/get", m("drive_id", api.driveId, "file_id", a));
        assertEquals("ForbiddenFileInTheRecycleBin", get.code());
        assertEquals("ForbiddenFileInTheRecycleBin",
                api.post("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", a)).code());
        assertEquals("ForbiddenFileInTheRecycleBin",
                api.post("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", a)).code());
        api.ok("openFile/delete", m("drive_id", api.driveId, "file_id", b));
        TestApi.Resp gone = api.post("openFile/get", m("drive_id", api.driveId, "file_id", b));
        assertEquals(404, gone.status());
        assertEquals("NotFound.FileId", gone.code());
        api.ok("openFile/delete", m("drive_id", api.driveId, "file_id", a)); // deleting from the bin
        assertEquals(List.of("d"), sandbox.trashedNames("alice"));
    }

    @Test
    void moveModes() {
        String src = api.mkdir("root", "src");
        String dst = api.mkdir("root", "dst");
        String x = api.upload(src, "x.txt", "1".getBytes(), 10).get("file_id").asText();
        api.upload(dst, "x.txt", "2".getBytes(), 10);
        JsonNode refused = api.ok("openFile/move", m("drive_id", api.driveId, "file_id", x, "to_parent_file_id", dst));
        assertTrue(refused.get("exist").asBoolean(), "default is refuse");
        assertEquals(List.of("x.txt"), names(src));
        JsonNode renamed = api.ok("openFile/move", m("drive_id", api.driveId, "file_id", x, "to_parent_file_id", dst,
                "new_name", "y.txt"));
        assertFalse(renamed.get("exist").asBoolean());
        assertEquals(List.of("x.txt", "y.txt"), names(dst));
        api.ok("openFile/move", m("drive_id", api.driveId, "file_id", x, "to_parent_file_id", src));
        api.ok("openFile/update", m("drive_id", api.driveId, "file_id", x, "name", "x.txt"));
        api.ok("openFile/move", m("drive_id", api.driveId, "file_id", x, "to_parent_file_id", dst,
                "check_name_mode", "ignore"));
        assertEquals(List.of("x.txt", "x.txt"), names(dst));
        assertEquals(400, api.post("openFile/move", m("drive_id", api.driveId, "file_id", dst,
                "to_parent_file_id", dst)).status());
    }

    @Test
    void updateRenames() {
        api.upload("root", "one.txt", "1".getBytes(), 10);
        String two = api.upload("root", "two.txt", "2".getBytes(), 10).get("file_id").asText();
        JsonNode renamed = api.ok("openFile/update", m("drive_id", api.driveId, "file_id", two, "name", "one.txt"));
        assertEquals("one.txt", renamed.get("name").asText());
        assertEquals(List.of("one.txt", "one.txt"), names("root"), "no mode → duplicate");
        String three = api.upload("root", "three.txt", "3".getBytes(), 10).get("file_id").asText();
        TestApi.Resp refuse = api.post("openFile/update", m("drive_id", api.driveId, "file_id", three,
                "name", "one.txt", "check_name_mode", "refuse"));
        assertEquals(409, refuse.status());
        assertEquals("AlreadyExist.File", refuse.code());
        assertEquals("one(1).txt", api.ok("openFile/update", m("drive_id", api.driveId, "file_id", three,
                "name", "one.txt", "check_name_mode", "auto_rename")).get("name").asText());
    }

    @Test
    void copyFileSyncAndFolderAsync() throws Exception {
        String dir = api.mkdir("root", "album");
        String sub = api.mkdir(dir, "sub");
        api.upload(dir, "p1.jpg", TestApi.bytes(100, 1), 100);
        api.upload(sub, "p2.jpg", TestApi.bytes(100, 2), 100);
        String f = api.upload("root", "c.txt", "c".getBytes(), 10).get("file_id").asText();
        JsonNode fileCopy = api.ok("openFile/copy", m("drive_id", api.driveId, "file_id", f, "to_parent_file_id", "root",
                "auto_rename", true));
        assertFalse(fileCopy.has("async_task_id"));
        assertEquals("c(1).txt", api.ok("openFile/get", m("drive_id", api.driveId,
                "file_id", fileCopy.get("file_id").asText())).get("name").asText());
        api.ok("openFile/copy", m("drive_id", api.driveId, "file_id", f, "to_parent_file_id", "root"));
        assertEquals(2, names("root").stream().filter("c.txt"::equals).count(), "auto_rename false → duplicate");

        JsonNode folderCopy = api.ok("openFile/copy", m("drive_id", api.driveId, "file_id", dir,
                "to_parent_file_id", "root", "auto_rename", true));
        String task = folderCopy.get("async_task_id").asText();
        String copyId = folderCopy.get("file_id").asText();
        assertEquals("Running", api.ok("openFile/async_task/get", m("async_task_id", task)).get("state").asText());
        long deadline = System.currentTimeMillis() + 5000;
        String state;
        do {
            Thread.sleep(50);
            state = api.ok("openFile/async_task/get", m("async_task_id", task)).get("state").asText();
        } while (!state.equals("Succeed") && System.currentTimeMillis() < deadline);
        assertEquals("Succeed", state);
        assertEquals(List.of("p1.jpg", "sub"), names(copyId));
        String subCopy = api.ok("openFile/get_by_path", m("drive_id", api.driveId, "file_path", "/album(1)/sub"))
                .get("file_id").asText();
        assertEquals(List.of("p2.jpg"), names(subCopy));
        assertEquals(404, api.post("openFile/async_task/get", m("async_task_id", "nope")).status());
        // copying to another drive of the same user
        String resource = api.ok("user/getDriveInfo", m()).get("resource_drive_id").asText();
        JsonNode cross = api.ok("openFile/copy", m("drive_id", api.driveId, "file_id", f, "to_drive_id", resource,
                "to_parent_file_id", "root"));
        assertEquals(resource, cross.get("drive_id").asText());
    }
}

package org.alidav.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed input must answer a JSON 4xx on every route, never a 500. */
class BadRequestTest extends SandboxTestSupport {
    private static final List<String> ROUTES = List.of("openFile/list", "openFile/get", "openFile/get_by_path",
            "openFile/batch/get", "openFile/search", "openFile/create", "openFile/getUploadUrl",
            "openFile/listUploadedParts", "openFile/complete", "openFile/update", "openFile/move", "openFile/copy",
            "openFile/recyclebin/trash", "openFile/delete", "openFile/async_task/get", "openFile/getDownloadUrl",
            "openFile/getVideoPreviewPlayInfo");

    @Test
    void everyRouteRejectsGarbageWithJson4xx() {
        String drive = api.driveId;
        List<String> bodies = List.of("{", "[]", "null", "{}", "\"x\"",
                "{\"drive_id\":\"" + drive + "\"}",
                "{\"drive_id\":{\"a\":1},\"file_id\":[1]}",
                "{\"drive_id\":\"" + drive + "\",\"file_id\":\"nope\",\"parent_file_id\":\"nope\",\"upload_id\":\"x\","
                        + "\"to_parent_file_id\":\"nope\",\"async_task_id\":\"x\",\"file_path\":\"/a/b\",\"name\":\"n\","
                        + "\"type\":\"file\",\"file_list\":[1,{\"drive_id\":\"" + drive + "\"}],\"query\":\"name ~ 1\"}",
                "{\"drive_id\":\"" + drive + "\",\"parent_file_id\":\"root\",\"limit\":\"many\",\"size\":1.5,"
                        + "\"part_info_list\":[{\"part_number\":0}],\"name\":\"x\",\"type\":\"file\",\"marker\":7,"
                        + "\"file_path\":\"rel\",\"order_by\":\"colour\"}");
        for (String route : ROUTES) {
            for (String body : bodies) {
                if (route.equals("openFile/search") && body.equals("{\"drive_id\":\"" + drive + "\"}")) {
                    continue; // a search without a query is valid: it lists the drive
                }
                TestApi.Resp r = api.postRaw(SandboxServer.API_PREFIX + route, body, api.accessToken, true);
                assertTrue(r.status() >= 400 && r.status() < 500, route + " " + body + " → " + r.status() + " " + r.text());
                assertTrue(r.contentType().startsWith("application/json"), route);
                assertTrue(!r.code().isEmpty(), route);
            }
        }
    }
}

package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest extends SandboxTestSupport {
    private static final String LIST = SandboxServer.API_PREFIX + "openFile/list";
    private static final String CREATE = SandboxServer.API_PREFIX + "openFile/create";

    private TestApi.Resp list() {
        return api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root"));
    }

    @Test
    void expireAccessTokens() {
        sandbox.faults().expireAccessTokens();
        TestApi.Resp r = list();
        assertEquals(401, r.status());
        assertEquals("AccessTokenExpired", r.code());
        api.refresh();
        assertEquals(200, list().status());
    }

    @Test
    void expireUrls() {
        byte[] data = TestApi.bytes(100, 1);
        String url = api.downloadUrl(api.upload("root", "a", data, 100).get("file_id").asText());
        JsonNode c = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "b",
                "type", "file", "part_info_list", List.of(m("part_number", 1))));
        sandbox.faults().expireUrls();
        assertTrue(api.get(url).text().contains("Request has expired."));
        assertEquals(403, api.put(c.get("part_info_list").get(0).get("upload_url").asText(), data).status());
        assertArrayEquals(data, api.get(api.downloadUrl(api.upload("root", "c", data, 100).get("file_id").asText())).bytes());
    }

    @Test
    void failNextCallsOfOneEndpoint() {
        sandbox.faults().failNext(2, LIST, FaultPlan.Failure.TOO_MANY_REQUESTS, 1234);
        assertEquals(200, api.post("user/getSpaceInfo", m()).status());
        for (int i = 0; i < 2; i++) {
            TestApi.Resp r = list();
            assertEquals(429, r.status());
            assertEquals("1234", r.headers().get("x-retry-after"));
            assertEquals("TooManyRequests", r.code());
        }
        assertEquals(200, list().status());

        sandbox.faults().failNext(1, FaultPlan.Failure.INTERNAL_ERROR);
        TestApi.Resp err = api.post("user/getSpaceInfo", m());
        assertEquals(500, err.status());
        assertTrue(err.contentType().startsWith("application/json"));
        assertEquals("InternalError", err.code());

        sandbox.faults().failNext(1, LIST, FaultPlan.Failure.BAD_GATEWAY);
        TestApi.Resp gw = list();
        assertEquals(502, gw.status());
        assertTrue(gw.contentType().startsWith("text/plain"));
        assertEquals("Bad Gateway", gw.text());
        assertEquals(1, sandbox.stats().count(LIST, 502));
        assertEquals(2, sandbox.stats().count(LIST, 429));
    }

    @Test
    void dropConnectionAfterCreateWasApplied() {
        sandbox.faults().dropConnectionAfterNext(CREATE);
        assertThrows(UncheckedIOException.class, () -> api.post("openFile/create", m("drive_id", api.driveId,
                "parent_file_id", "root", "name", "ghost", "type", "folder")));
        JsonNode items = list().json().get("items");
        assertEquals(1, items.size());
        assertEquals("ghost", items.get(0).get("name").asText());
        assertEquals(1, sandbox.stats().count(CREATE, CallStats.DROPPED));
        assertEquals(200, list().status());
    }

    @Test
    void failPartUploads() {
        byte[] data = TestApi.bytes(1000, 2);
        JsonNode c = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "p",
                "type", "file", "part_info_list", List.of(m("part_number", 1))));
        String url = c.get("part_info_list").get(0).get("upload_url").asText();
        sandbox.faults().failNextPartUploads(1);
        assertEquals(500, api.put(url, data).status());
        assertEquals(200, api.put(url, data).status());
        assertEquals(1000, sandbox.stats().uploadedPartBytes());
    }

    @Test
    void breakDownloadMidBody() {
        byte[] data = TestApi.bytes(3 << 20, 3);
        String url = api.downloadUrl(api.upload("root", "d", data, 4 << 20).get("file_id").asText());
        sandbox.faults().breakNextDownloadAfter(1 << 20);
        assertThrows(UncheckedIOException.class, () -> api.get(url));
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED));
        assertArrayEquals(data, api.get(url).bytes());
    }

    @Test
    void refreshAnswersAForeignSub() throws Exception {
        String userId = sandbox.user("alice").userId();
        sandbox.faults().foreignSubOnNextRefresh();
        JsonNode answer = api.refresh();
        String sub = TestApi.JSON.readTree(Base64.getDecoder().decode(answer.get("refresh_token").asText().split("\\.")[1]))
                .get("sub").asText();
        assertNotEquals(userId, sub);
        JsonNode next = api.refresh();
        assertEquals(userId, TestApi.JSON.readTree(Base64.getDecoder().decode(
                next.get("refresh_token").asText().split("\\.")[1])).get("sub").asText());
    }

    @Test
    void deadRefreshToken() {
        sandbox.faults().killRefreshToken(api.refreshToken);
        TestApi.Resp r = api.postJson("/oauth/access_token", m("grant_type", "refresh_token", "client_id",
                sandbox.clientId(), "client_secret", sandbox.clientSecret(), "refresh_token", api.refreshToken), null);
        assertEquals(401, r.status());
        assertEquals("RefreshTokenExpired", r.code());
    }

    @Test
    void frozenAccount() {
        sandbox.faults().freezeAccount("alice");
        TestApi.Resp r = list();
        assertEquals(403, r.status());
        assertEquals("UserNotAllowedAccessResource", r.code());
        sandbox.faults().unfreezeAccount("alice");
        assertEquals(200, list().status());
    }

    @Test
    void videoPreviewOverCapacityAndClear() {
        String id = api.upload("root", "v.mkv", new byte[10], 10).get("file_id").asText();
        sandbox.faults().videoPreviewOverCapacity(true);
        assertEquals("ExceedCapacityForbidden", api.post("openFile/getVideoPreviewPlayInfo",
                m("drive_id", api.driveId, "file_id", id)).code());
        sandbox.faults().failNext(5, FaultPlan.Failure.INTERNAL_ERROR);
        sandbox.faults().clear();
        assertEquals(200, api.post("openFile/getVideoPreviewPlayInfo", m("drive_id", api.driveId, "file_id", id)).status());
    }
}

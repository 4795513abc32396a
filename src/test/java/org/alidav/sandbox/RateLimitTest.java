package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rate limits run on the sandbox clock, which these tests keep frozen and move by hand. */
class RateLimitTest extends SandboxTestSupport {
    @Override
    SandboxOptions.Builder configure(SandboxOptions.Builder b) {
        return b.rateLimits(true);
    }

    @Test
    void listIsLimitedToFourPerSecondPerUser() {
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root")).status());
        }
        TestApi.Resp limited = api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root"));
        assertEquals(429, limited.status());
        assertEquals("TooManyRequests", limited.code());
        assertTrue(limited.contentType().startsWith("application/json"));
        assertEquals("250", limited.headers().get("x-retry-after"));
        // another user has its own buckets
        TestApi bob = new TestApi(sandbox).login("bob");
        assertEquals(200, bob.post("openFile/list", m("drive_id", bob.driveId, "parent_file_id", "root")).status());
        clock.advance(Duration.ofMillis(250));
        assertEquals(200, api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root")).status());
    }

    @Test
    void linkIsLimitedToOnePerSecond() {
        String id = api.upload("root", "a", new byte[1], 10).get("file_id").asText();
        assertEquals(200, api.post("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id)).status());
        TestApi.Resp limited = api.post("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id));
        assertEquals(429, limited.status());
        assertEquals("1000", limited.headers().get("x-retry-after"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, api.post("openFile/getDownloadUrl", m("drive_id", api.driveId, "file_id", id)).status());
    }

    @Test
    void otherCallsShareFifteenPerSecondAndTokenRefreshIsLimitedPerIp() {
        int ok = 0;
        // login() and upload() already used some of the 15
        while (api.post("user/getSpaceInfo", m()).status() == 200) {
            ok++;
            assertTrue(ok <= 15);
        }
        TestApi.Resp limited = api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root",
                "name", "x", "type", "folder"));
        assertEquals(429, limited.status());
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) { // the bucket refilled to its burst of 10 during that second
            api.refresh();
        }
        TestApi.Resp refresh = api.postJson("/oauth/access_token", m("grant_type", "refresh_token",
                "client_id", sandbox.clientId(), "client_secret", sandbox.clientSecret(),
                "refresh_token", api.refreshToken), null);
        assertEquals(429, refresh.status());
    }
}

package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class TokenTest extends SandboxTestSupport {

    private TestApi.Resp refreshWith(String refreshToken) {
        return api.postJson("/oauth/access_token", m("grant_type", "refresh_token", "client_id", sandbox.clientId(),
                "client_secret", sandbox.clientSecret(), "refresh_token", refreshToken), null);
    }

    private static JsonNode payload(String jwt) throws Exception {
        String[] seg = jwt.split("\\.");
        assertEquals(3, seg.length);
        assertTrue(seg[1].matches("[A-Za-z0-9]+"), seg[1]);
        assertEquals(TestApi.JSON.readTree(Base64.getUrlDecoder().decode(seg[1])),
                TestApi.JSON.readTree(Base64.getDecoder().decode(seg[1])));
        return TestApi.JSON.readTree(Base64.getDecoder().decode(seg[1]));
    }

    @Test
    void refreshTokensRotateAndAreSingleUse() throws Exception {
        String first = api.refreshToken;
        JsonNode answer = api.refresh();
        assertEquals("Bearer", answer.get("token_type").asText());
        assertEquals(7200, answer.get("expires_in").asLong());
        assertNotEquals(first, api.refreshToken);
        assertEquals(payload(first).get("sub"), payload(api.refreshToken).get("sub"));
        assertEquals(payload(api.accessToken).get("sub").asText(), sandbox.user("alice").userId());
        assertTrue(payload(api.accessToken).get("exp").asLong() > clock.millis() / 1000);

        TestApi.Resp reuse = refreshWith(first);
        assertEquals(401, reuse.status());
        assertEquals("RefreshTokenExpired", reuse.code());
        assertTrue(reuse.contentType().startsWith("application/json"));
        assertFalse(reuse.json().path("requestId").asText().isEmpty());

        assertEquals("RefreshTokenInvalid", refreshWith("garbage").code());
    }

    @Test
    void clientCredentialsAreChecked() {
        TestApi.Resp r = api.postJson("/oauth/access_token", m("grant_type", "refresh_token", "client_id",
                sandbox.clientId(), "client_secret", "wrong", "refresh_token", api.refreshToken), null);
        assertEquals(400, r.status());
        assertEquals("InvalidClientSecret", r.code());
    }

    @Test
    void formEncodedRefreshIsAccepted() {
        TestApi.Resp r = api.call(new Request.Builder().url(sandbox.baseUrl() + "/oauth/access_token")
                .header("User-Agent", TestApi.UA)
                .post(new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", sandbox.clientId())
                        .add("client_secret", sandbox.clientSecret()).add("refresh_token", api.refreshToken).build())
                .build());
        assertEquals(200, r.status(), r.text());
        assertFalse(r.json().get("access_token").asText().isEmpty());
    }

    @Test
    void accessTokenExpiresWithTheClockAndPreviousOneHasAGracePeriod() {
        String old = api.accessToken;
        api.refresh();
        TestApi.Resp withOld = api.postJson(SandboxServer.API_PREFIX + "user/getDriveInfo", m(), old);
        assertEquals(200, withOld.status(), "old token still valid right after a refresh");
        clock.advance(Duration.ofMinutes(6));
        assertEquals("AccessTokenExpired",
                api.postJson(SandboxServer.API_PREFIX + "user/getDriveInfo", m(), old).code());
        assertEquals(200, api.post("user/getDriveInfo", m()).status());
        clock.advance(Duration.ofSeconds(7200));
        TestApi.Resp expired = api.post("user/getDriveInfo", m());
        assertEquals(401, expired.status());
        assertEquals("AccessTokenExpired", expired.code());
    }

    @Test
    void missingOrUnknownBearerIsInvalid() {
        TestApi.Resp none = api.postJson(SandboxServer.API_PREFIX + "user/getDriveInfo", m(), null);
        assertEquals(401, none.status());
        assertEquals("AccessTokenInvalid", none.code());
        assertEquals("AccessTokenInvalid",
                api.postJson(SandboxServer.API_PREFIX + "user/getDriveInfo", m(), "a.b.c").code());
    }

    @Test
    void missingUserAgentIsAnInternalError() {
        TestApi.Resp r = api.postRaw(SandboxServer.API_PREFIX + "user/getDriveInfo", "{}", api.accessToken, false);
        assertEquals(500, r.status());
        assertTrue(r.contentType().startsWith("application/json"));
    }

    @Test
    void renewApiStandIn() {
        String url = okhttp3.HttpUrl.get(sandbox.renewApiUrl()).newBuilder()
                .addQueryParameter("refresh_ui", api.refreshToken).addQueryParameter("server_use", "true")
                .addQueryParameter("driver_txt", "alicloud_qr").build().toString();
        TestApi.Resp ok = api.get(url);
        assertEquals(200, ok.status(), ok.text());
        String next = ok.json().get("refresh_token").asText();
        assertFalse(ok.json().get("access_token").asText().isEmpty());
        TestApi.Resp again = api.get(url); // the old one was rotated away
        assertEquals(500, again.status());
        assertTrue(again.json().get("text").asText().contains("RefreshTokenExpired"));
        assertEquals(500, api.get(sandbox.renewApiUrl() + "?server_use=true&driver_txt=alicloud_qr").status());
        assertEquals(200, refreshWith(next).status());
    }

    @Test
    void usersInfoAndDriveInfo() {
        TestApi.Resp r = api.call(new Request.Builder().url(sandbox.baseUrl() + "/oauth/users/info")
                .header("User-Agent", TestApi.UA).header("Authorization", "Bearer " + api.accessToken).build());
        assertEquals(200, r.status(), r.text());
        assertEquals(sandbox.user("alice").userId(), r.json().get("id").asText());
        JsonNode drive = api.ok("user/getDriveInfo", m());
        assertTrue(drive.get("user_id").asText().matches("[0-9a-f]{32}"));
        assertTrue(drive.get("resource_drive_id").asText().matches("\\d+"));
        assertTrue(drive.get("backup_drive_id").asText().matches("\\d+"));
    }

    @Test
    void defaultUserTokenFileAndRestartKeepTheLastRotatedToken() throws Exception {
        String initial = Files.readString(sandbox.defaultRefreshTokenFile(), StandardCharsets.US_ASCII).trim();
        assertEquals(200, refreshWith(initial).status());
        api.refresh();
        String last = api.refreshToken;
        restart();
        TestApi.Resp r = refreshWith(last);
        assertEquals(200, r.status(), r.text());
        assertEquals(sandbox.user("alice").userId(), payload(r.json().get("access_token").asText()).get("sub").asText());
    }
}

package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** The emulator's QR-code login (docs/open-api.md, QR-code login): codes, statuses, the phone's steps and the code grant. */
class QrLoginTest extends SandboxTestSupport {
    private static final List<String> SCOPES = List.of("user:base", "file:all:read", "file:all:write");

    private TestApi.Resp newCode(String clientId, String clientSecret, List<String> scopes) {
        return api.postJson("/oauth/authorize/qrcode", m("client_id", clientId, "client_secret", clientSecret, "scopes", scopes), null);
    }

    private String newSid() {
        TestApi.Resp r = newCode(sandbox.clientId(), sandbox.clientSecret(), SCOPES);
        assertEquals(200, r.status(), r.text());
        assertEquals(sandbox.baseUrl() + "/oauth/qrcode/" + r.json().get("sid").asText(), r.json().get("qrCodeUrl").asText());
        return r.json().get("sid").asText();
    }

    private TestApi.Resp status(String sid) {
        return api.get(sandbox.baseUrl() + "/oauth/qrcode/" + sid + "/status");
    }

    private int phone(String step, String sid) {
        return api.call(new Request.Builder().url(sandbox.baseUrl() + "/o/oauth/authorize/" + step + "?sid=" + sid)
                .post(RequestBody.create(new byte[0])).build()).status();
    }

    private TestApi.Resp exchange(String code, String secret) {
        return api.postJson("/oauth/access_token", m("grant_type", "authorization_code", "client_id", sandbox.clientId(),
                "client_secret", secret, "code", code), null);
    }

    @Test
    void aCodeGoesFromWaitingToScannedToLoginSuccessWithAnAuthCode() {
        String sid = newSid();
        assertEquals("WaitLogin", status(sid).json().get("status").asText());
        assertEquals(204, phone("scan", sid));
        assertEquals("ScanSuccess", status(sid).json().get("status").asText());
        assertEquals(204, phone("confirm", sid));
        TestApi.Resp done = status(sid);
        assertEquals("LoginSuccess", done.json().get("status").asText());
        assertEquals(32, done.json().get("authCode").asText().length());
    }

    @Test
    void theAuthCodeIsExchangedOnceWithTheSecretForTheDefaultUsersTokens() {
        String sid = newSid();
        phone("confirm", sid);
        String code = status(sid).json().get("authCode").asText();

        assertEquals("InvalidClientSecret", exchange(code, "wrong").code());
        TestApi.Resp tokens = exchange(code, sandbox.clientSecret());
        assertEquals(200, tokens.status(), tokens.text());
        assertEquals("Bearer", tokens.json().get("token_type").asText());
        TestApi.Resp again = exchange(code, sandbox.clientSecret());

        assertEquals(400, again.status());
        assertEquals("InvalidCode", again.code(), "single use");
        TestApi.Resp info = api.postJson("/adrive/v1.0/user/getDriveInfo", m(), tokens.json().get("access_token").asText());
        assertEquals(sandbox.defaultUser().userId(), info.json().get("user_id").asText());
        api.refreshToken = tokens.json().get("refresh_token").asText();
        api.refresh(); // the issued refresh token rotates like any other
    }

    @Test
    void anAuthCodeIsValidTenMinutes() {
        String sid = newSid();
        phone("confirm", sid);
        String code = status(sid).json().get("authCode").asText();
        clock.advance(Duration.ofMinutes(10));
        assertEquals("InvalidCode", exchange(code, sandbox.clientSecret()).code());
    }

    @Test
    void aCodeExpiresAfterItsLifeAsAStatusOrAsAnErrorAndThePhoneCannotUseIt() {
        sandbox.qrLogins().setCodeLife(Duration.ofSeconds(30));
        String sid = newSid();
        clock.advance(Duration.ofSeconds(30));

        assertEquals("QRCodeExpired", status(sid).json().get("status").asText());
        assertEquals(409, phone("confirm", sid));
        sandbox.qrLogins().answerExpiryAsError(true);
        TestApi.Resp error = status(sid);
        assertEquals(400, error.status());
        assertEquals("QRCodeExpired", error.code());
    }

    @Test
    void aCodeIsOnlyForTheAppWithItsSecretAndKnownScopes() {
        assertEquals("InvalidClientId", newCode("someone", sandbox.clientSecret(), SCOPES).code());
        assertEquals("InvalidClientSecret", newCode(sandbox.clientId(), "wrong", SCOPES).code());
        assertEquals(400, newCode(sandbox.clientId(), sandbox.clientSecret(), List.of("file:everything")).status());
        assertEquals(400, newCode(sandbox.clientId(), sandbox.clientSecret(), List.of()).status());
        assertEquals(0, sandbox.qrLogins().issued());
    }

    @Test
    void thePageOfACodeOffersToApproveItAndABrowsersFormComesBackToIt() {
        String sid = newSid();
        TestApi.Resp page = api.get(sandbox.authorizePage(sid));
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.text().contains("action=\"/o/oauth/authorize/confirm?sid=" + sid + "\""), page.text());

        TestApi.Resp form = api.call(new Request.Builder().url(sandbox.baseUrl() + "/o/oauth/authorize/confirm?sid=" + sid)
                .header("Accept", "text/html").post(RequestBody.create(new byte[0])).build());
        assertEquals(200, form.status(), "followed the 303 back to the page");
        assertTrue(form.text().contains("approved"), form.text());
        assertFalse(form.text().contains("<form"), "nothing left to approve");
        assertEquals(400, api.get(sandbox.baseUrl() + "/o/oauth/authorize?sid=<script>").status());
    }
}

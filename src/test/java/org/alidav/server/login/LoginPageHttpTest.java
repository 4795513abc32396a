package org.alidav.server.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.SandboxedApp;
import org.alidav.login.SandboxPhone;
import org.alidav.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3: a storage with no token answers 503; the page starts a login, shows its QR code;
 * approved on the (sandbox's) phone, the storage serves without a restart.
 */
class LoginPageHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SandboxedApp server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxedApp.start(dir, SandboxOptions.builder(), sb ->
                "  - {mount: /cloud, driver: aliyundrive-open, " + SandboxedApp.appOptions(sb) + "}\n"
                + "  - {mount: /online, driver: aliyundrive-open, api_url_address: '" + sb.renewApiUrl() + "'}\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void thePageLogsAStorageInAndItServesWithoutARestart() throws Exception {
        HttpResponse<String> before = server.app.send("PROPFIND", "/cloud/", "", "Depth", "1");
        assertEquals(503, before.statusCode());
        assertTrue(before.body().contains("not logged in") && before.body().contains("/-/login?mount=%2Fcloud"), before.body());

        HttpResponse<String> list = server.app.send("GET", "/-/login", (String) null);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("<code>/cloud</code></td><td><strong>not logged in</strong>"), list.body());
        assertTrue(list.body().contains("no client_id/client_secret"), "the online storage cannot log in here: " + list.body());

        HttpResponse<String> page = server.app.send("GET", "/-/login?mount=%2Fcloud", (String) null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<svg"), "the QR code is drawn inline: " + page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        JsonNode status = status();
        String sid = status.get("sid").asText();
        assertEquals("waiting", status.get("phase").asText());
        assertTrue(page.body().contains("sid=" + sid), "the link is on the page as text");
        assertEquals(sid, status().get("sid").asText(), "opening the page again shows the login in progress");
        server.app.send("GET", "/-/login?mount=%2Fcloud", (String) null);
        assertEquals(sid, status().get("sid").asText());

        SandboxPhone phone = new SandboxPhone(server.sandbox);
        assertEquals(204, phone.scan(sid));
        assertEquals(204, phone.confirm(sid));
        long approved = System.nanoTime();
        int propfind = 0;
        while (propfind != 207 && System.nanoTime() - approved < 10_000_000_000L) {
            Thread.sleep(100);
            propfind = server.app.send("PROPFIND", "/cloud/", "", "Depth", "1").statusCode();
        }
        System.out.printf("login page: PROPFIND on the mount answered 207 %d ms after the approval%n", (System.nanoTime() - approved) / 1_000_000);
        assertEquals(207, propfind, "the mount serves within 10 s of the approval, without a restart");
        assertEquals("done", status().get("phase").asText());
        HttpResponse<String> done = server.app.send("GET", "/-/login?mount=%2Fcloud", (String) null);
        assertTrue(done.body().contains("Done: logged in as " + server.sandbox.defaultUser().nickName()), done.body());
        assertFalse(done.body().contains("eyJ"), "no token on the page");
        assertFalse(status().toString().contains("eyJ"), "no token in the status");
    }

    @Test
    void anotherSiteCannotStartALogin() throws Exception {
        HttpResponse<String> forged = server.app.send("POST", "/-/login?mount=%2Fcloud", "", "Origin", "http://evil.example");
        assertEquals(403, forged.statusCode());
        HttpResponse<String> linked = server.app.send("GET", "/-/login?mount=%2Fcloud", (String) null, "Sec-Fetch-Site", "cross-site");
        assertEquals(200, linked.statusCode());
        assertFalse(linked.body().contains("<svg"), "a link from elsewhere shows only the button: " + linked.body());
        assertEquals(404, server.app.send("GET", "/-/login/status?mount=%2Fcloud", (String) null).statusCode(), "nothing was started");

        HttpResponse<String> own = server.app.send("POST", "/-/login?mount=%2Fcloud", "", "Origin", server.app.url("").replaceAll("/$", ""),
                "Sec-Fetch-Site", "same-origin");
        assertEquals(303, own.statusCode(), own.body());
        assertEquals("waiting", status().get("phase").asText());
    }

    @Test
    void unknownMountsAndNamesAreEscaped() throws Exception {
        HttpResponse<String> r = server.app.send("GET", "/-/login?mount=%3Cscript%3Ealert(1)%3C%2Fscript%3E", (String) null);
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), r.body());
        assertTrue(r.body().contains("&lt;script&gt;"), r.body());
    }

    private JsonNode status() throws Exception {
        HttpResponse<String> r = server.app.send("GET", "/-/login/status?mount=%2Fcloud", (String) null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}

package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.alidav.SandboxedApp;
import org.alidav.config.StorageConfig;
import org.alidav.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 2: a storage without a token does not stop the server; its mount answers 503 saying
 * how to log in, {@code /-/health} shows it as {@code needs_login}, the other storage serves, and a
 * token saved in its file (what {@code alidav login} does) brings it up without a restart.
 */
class NeedsLoginHttpTest {
    @TempDir
    Path dir;
    SandboxedApp server;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        server = SandboxedApp.start(dir, SandboxOptions.builder(), sb ->
                "  - {mount: /local, driver: local, root: '" + dir.resolve("files") + "'}\n"
                + "  - {mount: /cloud, driver: aliyundrive-open, " + SandboxedApp.appOptions(sb) + "}\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aStorageWithoutATokenAnswers503WithHowToLogInAndComesUpOnceATokenIsSaved() throws Exception {
        HttpResponse<String> r = server.app.send("PROPFIND", "/cloud/", (String) null, "Depth", "1");
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertTrue(r.body().contains("not logged in"), r.body());
        assertTrue(r.body().contains(server.app.url("/-/login")), r.body());
        assertTrue(r.body().contains("alidav login --mount /cloud"), r.body());

        assertEquals(207, server.app.send("PROPFIND", "/local/", (String) null, "Depth", "1").statusCode(), "the rest serves as usual");
        HttpResponse<String> health = server.app.send("GET", "/-/health", (String) null);
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("needs_login", cloud(health).get("status").asText(), health.body());
        assertEquals("needs_login", cloud(health).get("token").asText(), health.body());

        StorageConfig cloud = new StorageConfig("/cloud", "aliyundrive-open", false, StorageConfig.DEFAULT_CACHE_TTL, Optional.empty(),
                Optional.empty(), Map.of("client_id", server.sandbox.clientId(), "client_secret", server.sandbox.clientSecret(), "api_base_url",
                server.sandbox.baseUrl()));
        TokenFile.of(cloud.driverOptions(), dir.resolve("data")).saveLogin(server.sandbox.issueRefreshToken("someone"), null); // what `alidav login` does
        assertEquals(207, server.app.send("PROPFIND", "/cloud/", (String) null, "Depth", "1").statusCode(), "no restart needed");
        assertEquals("ok", cloud(server.app.send("GET", "/-/health", (String) null)).get("status").asText());
    }

    private static JsonNode cloud(HttpResponse<String> health) throws Exception {
        for (JsonNode s : Json.MAPPER.readTree(health.body()).get("storages")) {
            if (s.get("mount").asText().equals("/cloud")) return s;
        }
        throw new AssertionError("no /cloud in " + health.body());
    }
}

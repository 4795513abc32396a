package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.alidav.TestApp;
import org.alidav.drive.Driver;
import org.alidav.drive.Upload;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name with a backslash is refused on every method (a path separator to Windows clients), and one
 * that another client of the cloud made is left out of its folder's listing instead of failing it.
 */
class BackslashNamesHttpTest {
    private static final String USER = "backslash";

    @TempDir
    Path dir;

    @Test
    void backslashNamesAreRefusedAlikeAndLeftOutOfListings() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            Driver other = SandboxDrivers.driver(sandbox, dir.resolve("state"), sandbox.issueRefreshToken(USER), Map.of());
            try {
                other.put(other.root(), "a\\b.txt", new Upload(new ByteArrayInputStream(new byte[1]), 1, null, null, null));
                other.put(other.root(), "plain.txt", new Upload(new ByteArrayInputStream(new byte[1]), 1, null, null, null));
            } finally {
                other.close();
            }
            String yaml = SandboxMounts.yaml(dir.resolve("data"), SandboxMounts.storage(sandbox, "/", sandbox.issueRefreshToken(USER), Map.of()));
            try (TestApp app = TestApp.start(dir, yaml, false)) {
                HttpResponse<String> listing = app.send("PROPFIND", "/", "", "Depth", "1");
                assertEquals(207, listing.statusCode(), listing.body());
                assertTrue(listing.body().contains("plain.txt"), listing.body());
                assertFalse(listing.body().contains("a%5Cb.txt"), listing.body());
                assertEquals(200, app.send("GET", "/", (String) null).statusCode(), "the HTML listing too");

                for (String method : new String[]{"GET", "HEAD", "PROPFIND", "PUT", "DELETE", "MKCOL"}) {
                    HttpResponse<String> r = app.send(method, "/a%5Cb.txt", method.equals("PUT") ? "x" : null, "Depth", "0");
                    assertEquals(400, r.statusCode(), method);
                    if (!method.equals("HEAD")) assertTrue(r.body().contains("path separator on Windows"), method + ": " + r.body());
                }
            }
        }
    }
}

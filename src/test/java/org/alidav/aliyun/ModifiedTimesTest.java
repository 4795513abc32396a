package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.TestApp;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modified times on AliyunDrive: {@code X-OC-Mtime} is taken at create and answered {@code accepted};
 * a time set by PROPPATCH after the upload is kept in the state store, shown across a restart, and
 * dropped when the content changes.
 */
class ModifiedTimesTest {
    private static final String USER = "times";
    private static final Pattern LAST_MODIFIED = Pattern.compile("<d:getlastmodified>([^<]*)</d:getlastmodified>");

    @TempDir
    Path dir;

    @Test
    void timesFromPutAndFromProppatchAreKeptUntilTheFileChanges() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            String yaml = SandboxMounts.yaml(dir.resolve("data"), SandboxMounts.storage(sandbox, "/", sandbox.issueRefreshToken(USER), Map.of()));
            try (TestApp app = TestApp.start(dir, yaml, false)) {
                HttpResponse<String> put = app.send("PUT", "/a.txt", "first", "X-OC-Mtime", "1600000000");
                assertEquals(201, put.statusCode());
                assertEquals("accepted", put.headers().firstValue("X-OC-MTime").orElse(null), "the time was kept (local_modified_at)");
                assertEquals("Sun, 13 Sep 2020 12:26:40 GMT", lastModified(app, "/a.txt"));
                assertEquals(null, app.send("PUT", "/b.txt", "no time").headers().firstValue("X-OC-MTime").orElse(null));

                assertEquals(207, app.send("PROPPATCH", "/a.txt", win32("Tue, 01 Jun 2021 10:00:00 GMT")).statusCode());
                assertEquals("Tue, 01 Jun 2021 10:00:00 GMT", lastModified(app, "/a.txt"));
                assertEquals(207, app.send("PROPPATCH", "/b.txt", davLastModified("Wed, 02 Jun 2021 11:00:00 GMT")).statusCode());
                assertEquals("Wed, 02 Jun 2021 11:00:00 GMT", lastModified(app, "/b.txt"));
            }
            try (TestApp restarted = TestApp.start(dir, yaml, false)) {
                assertEquals("Tue, 01 Jun 2021 10:00:00 GMT", lastModified(restarted, "/a.txt"), "from the state store");
                assertEquals(201, restarted.send("MOVE", "/a.txt", (String) null, "Destination", restarted.url("/c.txt")).statusCode());
                assertEquals("Tue, 01 Jun 2021 10:00:00 GMT", lastModified(restarted, "/c.txt"), "a move keeps the item and its time");
                assertEquals(204, restarted.send("PUT", "/c.txt", "changed", "X-OC-Mtime", "1700000000").statusCode());
                assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", lastModified(restarted, "/c.txt"), "the new content's own time");
            }
        }
    }

    private static String lastModified(TestApp app, String path) throws Exception {
        String body = app.send("PROPFIND", path, "", "Depth", "0").body();
        Matcher m = LAST_MODIFIED.matcher(body);
        return m.find() ? m.group(1) : body;
    }

    private static String win32(String time) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><D:propertyupdate xmlns:D=\"DAV:\" xmlns:Z=\"urn:schemas-microsoft-com:\">"
                + "<D:set><D:prop><Z:Win32LastModifiedTime>" + time + "</Z:Win32LastModifiedTime></D:prop></D:set></D:propertyupdate>";
    }

    private static String davLastModified(String time) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><D:propertyupdate xmlns:D=\"DAV:\">"
                + "<D:set><D:prop><D:getlastmodified>" + time + "</D:getlastmodified></D:prop></D:set></D:propertyupdate>";
    }
}

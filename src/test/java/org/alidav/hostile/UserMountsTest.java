package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users[].mounts}: the other mounts do not exist for that user, in listings, on access and as Destination. */
class UserMountsTest {
    private static final Pattern HREF = Pattern.compile("<(?:\\w+:)?href>([^<]*)</(?:\\w+:)?href>");

    @TempDir
    Path dir;
    TestApp app;
    final List<Integer> statuses = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("ali/sub"));
        Files.writeString(dir.resolve("ali/x"), "not for carol");
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("local/a.txt"), "carol's");
        Files.createDirectories(dir.resolve("deep"));
        app = TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "users:\n  - {name: alice, password: secret}\n  - {name: carol, password: pw, mounts: [/local, /media/deep]}\n"
                + "storages:\n"
                + "  - {mount: /local, driver: local, root: '" + dir.resolve("local") + "', create_root: true}\n"
                + "  - {mount: /ali, driver: local, root: '" + dir.resolve("ali") + "', create_root: true}\n"
                + "  - {mount: /media/deep, driver: local, root: '" + dir.resolve("deep") + "', create_root: true}\n"
                + "  - {mount: /media/other, driver: local, root: '" + dir.resolve("ali") + "', create_root: true}\n", false);
    }

    @AfterEach
    void stop() {
        app.close();
        assertTrue(statuses.stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpResponse<String> r = app.send(method, path, body, headers);
        statuses.add(r.statusCode());
        return r;
    }

    private List<String> listing(String path) throws Exception {
        HttpResponse<String> r = send("PROPFIND", path, null, "Depth", "1");
        assertEquals(207, r.statusCode(), r.body());
        List<String> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(r.body());
        while (m.find()) hrefs.add(m.group(1));
        return hrefs;
    }

    @Test
    void aLimitedUserSeesAndReachesOnlyItsMounts() throws Exception {
        app.as("carol", "pw");
        List<String> root = listing("/");
        System.out.println("carol's PROPFIND / (Depth 1): " + root);
        assertTrue(root.stream().anyMatch(h -> h.endsWith("/local/")), root.toString());
        assertTrue(root.stream().anyMatch(h -> h.endsWith("/media/")), root.toString());
        assertFalse(root.stream().anyMatch(h -> h.contains("ali")), root.toString());
        List<String> media = listing("/media/");
        assertTrue(media.stream().anyMatch(h -> h.endsWith("/media/deep/")) && media.stream().noneMatch(h -> h.contains("other")), media.toString());

        assertEquals(404, send("GET", "/ali/x", null).statusCode());
        assertEquals(404, send("PROPFIND", "/ali/", null, "Depth", "0").statusCode());
        assertEquals(404, send("GET", "/media/other/x", null).statusCode());
        assertEquals(404, send("DELETE", "/ali/x", null).statusCode());
        assertEquals(404, send("COPY", "/ali/x", null, "Destination", app.url("/local/stolen.txt")).statusCode());
        assertEquals(200, send("GET", "/local/a.txt", null).statusCode());

        HttpResponse<String> copy = send("COPY", "/local/a.txt", null, "Destination", app.url("/ali/planted.txt"));
        HttpResponse<String> move = send("MOVE", "/local/a.txt", null, "Destination", app.url("/ali/sub/planted.txt"));
        System.out.println("carol's COPY and MOVE into /ali: " + copy.statusCode() + ", " + move.statusCode());
        assertEquals(404, copy.statusCode(), copy.body());
        assertEquals(404, move.statusCode(), move.body());
        assertEquals(404, send("COPY", "/local/a.txt", null, "Destination", app.url("/ali")).statusCode(),
                "a hidden mount point is not there, not a 403 mount point");
        assertTrue(send("PUT", "/ali/planted.txt", "x").statusCode() >= 400);
        String lockBody = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope>"
                + "<D:locktype><D:write/></D:locktype></D:lockinfo>";
        int lock = send("LOCK", "/ali/planted.txt", lockBody, "Depth", "0").statusCode();
        System.out.println("carol's LOCK of a new name in /ali: " + lock);
        assertTrue(lock >= 400, "LOCK on an unmapped URL in a hidden mount creates nothing: " + lock);
        assertFalse(Files.exists(dir.resolve("ali/planted.txt")) || Files.exists(dir.resolve("ali/sub/planted.txt")));
        assertTrue(Files.exists(dir.resolve("local/a.txt")));
    }

    @Test
    void aUserWithoutMountsSeesThemAll() throws Exception {
        app.as("alice", "secret");
        List<String> root = listing("/");
        assertTrue(root.stream().anyMatch(h -> h.endsWith("/ali/")) && root.stream().anyMatch(h -> h.endsWith("/local/")), root.toString());
        assertEquals(200, send("GET", "/ali/x", null).statusCode());
        assertEquals(201, send("COPY", "/local/a.txt", null, "Destination", app.url("/ali/copied.txt")).statusCode());
    }
}

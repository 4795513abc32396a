package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.alidav.TestApp;
import org.alidav.log.LogText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** A request cannot write a line of its own into the log: control characters in logged values are escaped. */
@Isolated("CapturedLog swaps System.err for the whole process: other classes' log lines would land in it")
class LogInjectionTest {
    private static final String FORGED = "2026-12-02T05:47:20.000+0000 [dav-9] INFO access - DELETE /f 204";

    @TempDir
    Path dir;

    private TestApp start() throws Exception {
        return TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "users: [{name: alice, password: secret}]\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n", false);
    }

    @Test
    void aNewlineInThePathStaysInsideOneAccessLogLine() throws Exception {
        try (TestApp app = start(); CapturedLog log = new CapturedLog()) {
            // curl -g "$U/x%0a2026-12-02T05:47:20.000+0000%20[dav-9]%20INFO%20access%20-%20DELETE%20/f%20204", no credentials
            RawHttp.Reply r = RawHttp.send("127.0.0.1", app.app.port(),
                    "GET /x%0a2026-12-02T05:47:20.000+0000%20[dav-9]%20INFO%20access%20-%20DELETE%20/f%20204 HTTP/1.1\r\n");
            assertTrue(r.status() < 500, r.text());
            List<String> lines = log.awaitLinesWith("DELETE /f 204");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("access - 127.0.0.1 GET /x\\n" + FORGED + " " + r.status()), lines.get(0));
            assertTrue(log.lines().stream().noneMatch(l -> l.startsWith("2026-12-02T05:47:20")), "no line starts with the forged stamp");
            System.out.println("escaped access line: " + lines.get(0));
        }
    }

    @Test
    void aNewlineInABasicUserNameStaysInsideTheFailedLoginLine() throws Exception {
        try (TestApp app = start(); CapturedLog log = new CapturedLog()) {
            // Basic splits at the first colon, so the forged line in a user name carries no time stamp
            String forged = "[dav-9] INFO access - DELETE /f 204";
            String user = "bob\n" + forged + "\u001b[2J\u2028";
            String header = Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
            RawHttp.Reply r = RawHttp.send("127.0.0.1", app.app.port(), "GET / HTTP/1.1\r\nAuthorization: Basic " + header + "\r\n");
            assertEquals(401, r.status());
            log.awaitLinesWith("access - 127.0.0.1 GET / 401");
            List<String> lines = log.linesWith("DELETE /f 204");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("failed login for user 'bob\\n" + forged + "\\x1b[2J\\u2028' from 127.0.0.1"), lines.get(0));
            System.out.println("escaped failed-login line: " + lines.get(0));
        }
    }

    @Test
    void everyControlCharacterIsEscapedAndNothingElse() {
        assertEquals("a\\nb\\rc\\td\\x00e\\x7ff\\x85g\\x9fh\\u2028i\\u2029j\\\\k é 文", LogText.escape("a\nb\rc\td\u0000e\u007ff\u0085g\u009fh\u2028i\u2029j\\k é 文"));
        assertEquals("/plain/path.txt", LogText.escape("/plain/path.txt"));
        assertEquals("-", LogText.escape(null));
    }
}

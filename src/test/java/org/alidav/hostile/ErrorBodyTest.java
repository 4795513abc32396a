package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Error bodies say what went wrong in plain words: no exception classes, no upstream host or port. */
// CapturedLog swaps System.err; the one log check looks for a line only this test writes (the upstream port)
@ResourceLock(Resources.SYSTEM_ERR)
class ErrorBodyTest {
    @TempDir
    Path dir;

    private TestApp start(boolean sandbox) throws Exception {
        return TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "users: [{name: alice, password: secret}]\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n", sandbox).as("alice", "secret");
    }

    @Test
    void anUnreachableUpstreamIsDescribedWithoutItsAddress() throws Exception {
        try (TestApp app = start(true); CapturedLog log = new CapturedLog()) {
            assertEquals(201, app.send("PUT", "/f.txt", "hello").statusCode());
            URI upstream = URI.create(app.app.sandbox().orElseThrow().baseUrl());
            app.app.sandbox().orElseThrow().close();
            for (String[] request : new String[][]{{"GET", "/f.txt"}, {"PUT", "/g.txt"}, {"MKCOL", "/d"}}) {
                HttpResponse<String> r = app.send(request[0], request[1], request[0].equals("PUT") ? "x" : null);
                System.out.println(request[0] + " " + request[1] + " with the cloud unreachable: " + r.statusCode() + " " + r.body().trim());
                assertTrue(r.statusCode() == 502 || r.statusCode() == 503, r.statusCode() + " " + r.body());
                assertFalse(r.body().contains("Exception"), r.body());
                assertFalse(r.body().contains(upstream.getHost() + ":") || r.body().contains(":" + upstream.getPort()), r.body());
                assertFalse(r.body().contains("http://") || r.body().contains("java."), r.body());
            }
            assertFalse(log.linesWith(":" + upstream.getPort()).isEmpty(), "the details go to the log");
        }
    }

    @Test
    void jettysOwnErrorPagesNameNoInternals() throws Exception {
        try (TestApp app = start(false)) {
            RawHttp.Reply bad = RawHttp.send("127.0.0.1", app.app.port(), "GET /a%zz HTTP/1.1\r\n");
            System.out.println("a path Jetty refuses: " + bad.status() + " " + bad.body().trim());
            assertEquals(400, bad.status());
            assertEquals("400 Bad Request", bad.body().trim());
            RawHttp.Reply malformed = RawHttp.send("127.0.0.1", app.app.port(), "GET /a HTTP/1.1\r\nBad Header Line\r\n");
            System.out.println("a request the parser refuses: " + malformed.status() + " " + malformed.body().trim());
            assertEquals("400 Bad Request", malformed.body().trim());
            RawHttp.Reply unknown = RawHttp.send("127.0.0.1", app.app.port(),
                    "GET /-/nothing HTTP/1.1\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n");
            assertFalse(unknown.body().contains("Exception") || unknown.body().contains("SERVLET"), unknown.body());
        }
    }
}

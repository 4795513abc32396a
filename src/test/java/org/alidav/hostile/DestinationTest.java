package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alidav.dav.DavTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY and MOVE Destinations the server must not carry out: a mount point or a folder between
 * mounts (403, nothing written; it used to write a file the mount then hid), and another server
 * (502, as RFC 4918 and Apache answer; it used to be copied here).
 */
class DestinationTest {
    @TempDir
    Path dir;

    @Test
    void aMountPointIsNoDestination() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, "/", "/local")) {
            assertEquals(201, dav.send("PUT", "/f.txt", "content").statusCode());
            dav.drivers.forEach(d -> d.calls.clear());
            Map<String, Integer> answers = new TreeMap<>();
            for (String method : List.of("COPY", "MOVE")) {
                for (String destination : List.of(dav.url("/local"), dav.url("/local/"), "/local", dav.url("/"))) {
                    int status = dav.send(method, "/f.txt", null, "Destination", destination, "Overwrite", "T").statusCode();
                    answers.put(method + " -> " + destination.replace(dav.url(""), "$U"), status);
                    assertEquals(403, status, method + " " + destination);
                }
            }
            System.out.println("COPY/MOVE onto a mount point: " + answers);
            List<String> writes = dav.driverCalls().stream().filter(c -> !c.startsWith("list ") && !c.startsWith("quota")).toList();
            assertEquals(List.of(), writes);
            assertFalse(Files.exists(dav.storageRoot(0).resolve("local")), "no hidden file named after the mount");
            assertEquals("content", Files.readString(dav.storageRoot(0).resolve("f.txt")));
            assertEquals(201, dav.send("COPY", "/f.txt", null, "Destination", dav.url("/local/f.txt")).statusCode(), "into a mount is fine");
        }
    }

    @Test
    void aVirtualFolderBetweenMountsIsNoDestination() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, "/media/ali", "/media/local")) {
            assertEquals(201, dav.send("PUT", "/media/ali/f.txt", "content").statusCode());
            for (String destination : List.of("/media", "/", "/media/local")) {
                assertEquals(403, dav.send("COPY", "/media/ali/f.txt", null, "Destination", dav.url(destination)).statusCode(), destination);
                assertEquals(403, dav.send("MOVE", "/media/ali/f.txt", null, "Destination", dav.url(destination)).statusCode(), destination);
            }
            assertEquals(200, dav.send("GET", "/media/ali/f.txt", null).statusCode());
            assertEquals(List.of("f.txt"), names(dav.storageRoot(0)));
            assertEquals(List.of(), names(dav.storageRoot(1)));
        }
    }

    @Test
    void anotherServerIs502AndNothingIsCopied() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir)) {
            assertEquals(201, dav.send("PUT", "/f.txt", "content").statusCode());
            int port = dav.port();
            Map<String, Integer> answers = new TreeMap<>();
            for (String destination : List.of("http://evil.example:" + port + "/x.txt", "http://127.0.0.1:" + (port == 1 ? 2 : port - 1) + "/x.txt",
                    "https://127.0.0.1:" + port + "/x.txt", "http://127.0.0.1/x.txt", "http://localhost:" + port + "/x.txt")) {
                for (String method : List.of("COPY", "MOVE")) {
                    int status = dav.send(method, "/f.txt", null, "Destination", destination).statusCode();
                    answers.put(method + " -> " + destination.replace(":" + port, ":$PORT"), status);
                    assertEquals(502, status, method + " " + destination);
                }
            }
            System.out.println("COPY/MOVE to another server: " + answers);
            assertEquals(List.of("f.txt"), names(dav.storageRoot(0)));
            assertEquals(201, dav.send("COPY", "/f.txt", null, "Destination", "HTTP://127.0.0.1:" + port + "/same.txt").statusCode(),
                    "scheme and host compare case-insensitively");
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.dav.DavTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hrefs are path-absolute ({@code /a/b}), as Apache writes them: never built from {@code Host} or
 * {@code X-Forwarded-Host}, which any client sets (a listing whose links point at a host of the
 * client's choosing, cached by a proxy, sends the next user's credentials there).
 */
class HrefTest {
    static final String EVIL = "evil.example";
    static final Pattern HREF = Pattern.compile("<(?:[A-Za-z0-9]+:)?href>([^<]*)</", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;
    static DavTestServer dav;

    @BeforeAll
    static void start() throws Exception {
        dav = DavTestServer.start(dir, "/", "/media/local");
        Files.createDirectories(dav.storageRoot(0).resolve("a b"));
        Files.writeString(dav.storageRoot(0).resolve("a b").resolve("c.txt"), "c");
    }

    @AfterAll
    static void stop() throws Exception {
        dav.close();
    }

    @Test
    void propfindHrefsIgnoreHostAndForwardedHost() throws Exception {
        for (String[] headers : List.of(new String[]{"Host: " + EVIL + ":8443"},
                new String[]{"Host: 127.0.0.1:" + dav.port(), "X-Forwarded-Host: " + EVIL, "X-Forwarded-Proto: https"},
                new String[]{"Host: 127.0.0.1:" + dav.port(), "Forwarded: host=" + EVIL + ";proto=https"})) {
            for (String path : List.of("/a%20b/", "/", "/media/local/")) {
                String answer = raw("PROPFIND", path, headers);
                assertTrue(answer.startsWith("HTTP/1.1 207"), answer);
                List<String> hrefs = hrefs(answer);
                System.out.println("PROPFIND " + path + " with " + String.join(", ", headers) + ": hrefs " + hrefs);
                assertFalse(hrefs.isEmpty());
                assertFalse(answer.contains(EVIL), answer);
                for (String h : hrefs) assertTrue(h.startsWith("/"), h);
            }
        }
        assertTrue(hrefs(raw("PROPFIND", "/a%20b/", "Host: " + EVIL)).contains("/a%20b/c.txt"));
    }

    @Test
    void writeAnswersCarryNoHost() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(dav.send("PUT", "/new.txt", "x", "X-Forwarded-Host", EVIL));
        answers.add(dav.send("MKCOL", "/newdir", null, "X-Forwarded-Host", EVIL));
        answers.add(dav.send("COPY", "/new.txt", null, "Destination", dav.url("/copy.txt"), "X-Forwarded-Host", "127.0.0.1:" + dav.port()));
        answers.add(dav.send("PROPPATCH", "/new.txt", "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>"
                + "<x:color xmlns:x=\"urn:x\">red</x:color></D:prop></D:set></D:propertyupdate>", "X-Forwarded-Host", EVIL));
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
            r.headers().firstValue("Location").ifPresent(l -> assertTrue(l.startsWith("/"), l));
            assertFalse(r.body().contains(EVIL), r.body());
            for (String h : hrefs(r.body())) assertTrue(h.startsWith("/"), h);
        }
    }

    private static List<String> hrefs(String xml) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(xml);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** A request with headers no HTTP client library lets a caller set (Host). */
    private static String raw(String method, String path, String... headers) throws Exception {
        try (Socket s = new Socket("127.0.0.1", dav.port())) {
            s.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String h : headers) head.append(h).append("\r\n");
            head.append("Authorization: ").append(dav.authorizationHeader()).append("\r\nDepth: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

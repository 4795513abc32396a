package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alidav.EndToEnd;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.ExternalClient;
import org.alidav.dav.LockingExtension;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockTable;
import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Names holding control characters: never created through the server (400 before any driver call),
 * and when another client put one in the drive, the folder still lists as XML 1.0 that strict
 * parsers and rclone read, with the name shown as Control Pictures.
 */
class ControlCharacterNamesTest {
    static final String CONTROL_NAME = "a\u0001b.txt";
    static final String DEL_NAME = "del\u007f.txt";

    @TempDir
    static Path dir;
    static SandboxDav cloud;

    @BeforeAll
    static void start() throws Exception {
        cloud = new SandboxDav(dir.resolve("cloud"));
        Storage other = cloud.otherClient();
        other.mkdir(DrivePath.parse("/mixed"));
        for (String name : List.of(CONTROL_NAME, DEL_NAME, "normal.txt")) {
            byte[] body = ("content of " + name).getBytes(StandardCharsets.UTF_8);
            other.put(DrivePath.ROOT.child("mixed").child(name), new ByteArrayInputStream(body), body.length, Instant.now(), null);
        }
        cloud.app.app.dropCaches("/");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void createsAndRenamesWithControlCharactersAre400BeforeAnyDriverCall() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir.resolve("local"),
                s -> s.withExtensions(List.of(new LockingExtension(new LockManager(new LockTable(s.state()))))))) {
            assertEquals(201, dav.send("PUT", "/ok.txt", "x").statusCode());
            dav.drivers.get(0).calls.clear();
            List<String> answers = new ArrayList<>();
            HttpResponse<String> put = dav.send("PUT", "/a%01b.txt", "x");
            answers.add("PUT " + put.statusCode() + " " + put.body().trim());
            assertEquals(400, put.statusCode());
            assertFalse(put.body().contains("\u0001"), "the refusal shows the name safely");
            assertEquals(400, dav.send("PUT", "/del%7F.txt", "x").statusCode());
            assertEquals(400, dav.send("PUT", "/tab%09.txt", "x").statusCode());
            assertEquals(400, dav.send("MKCOL", "/dir%1F", null).statusCode());
            assertEquals(400, dav.send("LOCK", "/new%02.txt", LOCK_BODY, "Content-Type", "application/xml").statusCode());
            assertEquals(400, dav.send("COPY", "/ok.txt", null, "Destination", dav.url("/c%03.txt")).statusCode());
            assertEquals(400, dav.send("MOVE", "/ok.txt", null, "Destination", "/m%0A.txt").statusCode());
            List<String> writes = dav.driverCalls().stream().filter(c -> !c.startsWith("list ") && !c.startsWith("quota")).toList();
            System.out.println("control-character creates: " + answers + "; driver writes: " + writes);
            assertEquals(List.of(), writes);
            assertEquals(200, dav.send("GET", "/ok.txt", null).statusCode(), "the file the COPY and MOVE named is untouched");
        }
    }

    private static final String LOCK_BODY = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope>"
            + "<D:locktype><D:write/></D:locktype></D:lockinfo>";

    @Test
    void aFolderWithSuchNamesIsValidXmlWithVisibleNames() throws Exception {
        HttpResponse<byte[]> r = cloud.send("PROPFIND", "/mixed/", null, "Depth", "1");
        assertEquals(207, r.statusCode());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body())); // throws on U+0001
        List<String> hrefs = texts(xml, "href");
        List<String> names = texts(xml, "displayname");
        System.out.println("PROPFIND of a folder with control-character names: hrefs " + hrefs + ", displaynames " + names);
        assertTrue(hrefs.contains("/mixed/a%01b.txt"), hrefs.toString());
        assertTrue(hrefs.contains("/mixed/del%7F.txt"), hrefs.toString());
        assertTrue(names.contains("a\u2401b.txt"), names.toString());
        assertTrue(names.contains("del\u2421.txt"), names.toString());
        assertTrue(names.contains("normal.txt"), names.toString());
        HttpResponse<byte[]> get = cloud.send("GET", "/mixed/a%01b.txt", null);
        assertEquals(200, get.statusCode(), "the href leads to the file");
        assertEquals("content of " + CONTROL_NAME, new String(get.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theHtmlPageShowsPicturesNotControlCharacters() throws Exception {
        HttpResponse<byte[]> r = cloud.send("GET", "/mixed/", null);
        String page = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode());
        assertTrue(page.contains("href=\"/mixed/a%01b.txt\"") && page.contains(">a\u2401b.txt<"), page);
        assertFalse(page.contains("\u0001") || page.contains("\u007f"), page);
    }

    @Test
    @EndToEnd
    void rcloneListsTheFolder() throws Exception {
        ExternalClient.require("rclone");
        Map<String, String> env = Map.of("RCLONE_CONFIG_T_TYPE", "webdav", "RCLONE_CONFIG_T_URL", cloud.app.url("/"),
                "RCLONE_CONFIG_T_VENDOR", "other");
        ExternalClient.Result r = ExternalClient.run(dir, env, 120,
                List.of("rclone", "--config", "/dev/null", "--low-level-retries", "1", "--retries", "1", "lsf", "t:mixed"));
        System.out.println("rclone lsf of the folder: exit " + r.exitCode() + ", output: " + r.output().trim().replace("\n", " | "));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("normal.txt"), r.output());
        assertTrue(r.output().lines().count() >= 3, r.output());
    }

    private static List<String> texts(Document xml, String localName) {
        NodeList nodes = xml.getElementsByTagNameNS("DAV:", localName);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }
}

package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alidav.TestApp;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Entry;
import org.alidav.sandbox.FaultPlan.Failure;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through the whole server in {@code --sandbox} mode, checked on the cloud side by another
 * client of the same account: concurrent writers of one name, duplicates made elsewhere, failures of
 * the upload's complete and of a MOVE onto an existing file.
 */
class WriteSafetyHttpTest {
    private static final String API = SandboxServer.API_PREFIX + "openFile/";

    @TempDir
    Path dir;
    TestApp app;
    SandboxServer sandbox;
    AliyunOpenDriver other;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.sandbox(dir);
        sandbox = app.app.sandbox().orElseThrow();
        other = (AliyunOpenDriver) SandboxDrivers.driver(sandbox, dir.resolve("other"),
                sandbox.issueRefreshToken(sandbox.defaultUser().name()), Map.of());
    }

    @AfterEach
    void stop() {
        if (other != null) other.close();
        if (app != null) app.close();
    }

    private List<Entry> onTheCloud(String name) {
        return other.list(other.root()).stream().filter(e -> e.name().equals(name)).toList();
    }

    private String contentOf(Entry e) throws IOException {
        try (InputStream in = other.open(e, ByteRange.whole(e.size()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int put(String path, String body) throws Exception {
        return app.send("PUT", path, body).statusCode();
    }

    /** {@code n} PUTs of {@code path} at once, each with its own body; answers the bodies. */
    private Set<String> concurrentPuts(String path, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            Set<String> bodies = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String body = "body number " + i + " " + "x".repeat(i * 37);
                bodies.add(body);
                answers.add(pool.submit(() -> put(path, body)));
            }
            for (Future<Integer> a : answers) {
                int status = a.get();
                assertTrue(status == 201 || status == 204, "PUT answered " + status);
            }
            return bodies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thirtyConcurrentOverwritesLeaveOneFileHoldingOneOfTheBodies() throws Exception {
        assertEquals(201, put("/p.bin", "first"));
        Set<String> bodies = concurrentPuts("/p.bin", 30);

        List<Entry> items = onTheCloud("p.bin");
        assertEquals(1, items.size(), "live items named p.bin: " + items);
        String content = contentOf(items.get(0));
        assertTrue(bodies.contains(content), "p.bin holds " + content);
        assertEquals(sha1(content), items.get(0).sha1(), "the stored hash is the body's");
        assertEquals(30, sandbox.trashedNames().size(), "every replaced version went to the recycle bin");
    }

    @Test
    void tenConcurrentPutsToANewNameMakeOneFile() throws Exception {
        Set<String> bodies = concurrentPuts("/new.bin", 10);

        List<Entry> items = onTheCloud("new.bin");
        assertEquals(1, items.size(), "live items named new.bin: " + items);
        assertTrue(bodies.contains(contentOf(items.get(0))));
    }

    @Test
    void duplicatesMadeElsewhereAreReportedAndADeleteRemovesThemAll() throws Exception {
        assertEquals(201, put("/d.bin", "older"));
        Entry newer = other.put(other.root(), "elsewhere.bin", new org.alidav.drive.Upload(
                new java.io.ByteArrayInputStream("newer".getBytes(StandardCharsets.UTF_8)), 5, null, null, null));
        other.api().rename(newer.id(), "d.bin", OpenApi.IGNORE);
        app.app.dropCaches("/");

        assertEquals(207, app.send("PROPFIND", "/d.bin", (String) null, "Depth", "0").statusCode());
        String health = app.send("GET", "/-/health", (String) null).body();
        assertTrue(health.contains("\"/d.bin\" : 1"), health);

        assertEquals(204, app.send("DELETE", "/d.bin", (String) null).statusCode());

        assertEquals(List.of(), onTheCloud("d.bin"));
        assertEquals(404, app.send("PROPFIND", "/d.bin", (String) null, "Depth", "0").statusCode());
        assertFalse(app.send("GET", "/-/health", (String) null).body().contains("/d.bin"), "reported no more");
    }

    @Test
    void anOverwriteWhoseTrashAnswerIsLostSucceedsAndThePathKeepsTheNewContent() throws Exception {
        assertEquals(201, put("/p.bin", "version one"));
        sandbox.faults().dropConnectionAfterNext(API + "recyclebin/trash");

        assertEquals(204, put("/p.bin", "version two"));

        app.app.dropCaches("/");
        assertEquals(207, app.send("PROPFIND", "/p.bin", (String) null, "Depth", "0").statusCode());
        List<Entry> items = onTheCloud("p.bin");
        assertEquals(1, items.size());
        assertEquals("version two", contentOf(items.get(0)));
    }

    @Test
    void aFailedCompleteIsAnsweredAsUnavailableNeverNotFound() throws Exception {
        assertEquals(201, put("/c.bin", "kept"));
        for (Failure f : List.of(Failure.INTERNAL_ERROR, Failure.BAD_GATEWAY)) {
            sandbox.faults().failNext(1, API + "complete", f);
            HttpResponse<String> r = app.send("PUT", "/c.bin", "lost");
            assertTrue(r.statusCode() == 502 || r.statusCode() == 503, f + " answered " + r.statusCode());
            assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a retry makes sense");
        }
        List<Entry> items = onTheCloud("c.bin");
        assertEquals(1, items.size());
        assertEquals("kept", contentOf(items.get(0)));
        assertEquals(List.of(), sandbox.unfinishedUploads(sandbox.defaultUser().name()));
    }

    @Test
    void aMoveOntoAnExistingFileKeepsItUntilTheMovedOneIsInPlace() throws Exception {
        assertEquals(201, put("/a.txt", "a"));
        assertEquals(201, put("/b.txt", "b"));
        sandbox.faults().failNext(1, API + "update", Failure.INTERNAL_ERROR);

        assertEquals(503, app.send("MOVE", "/a.txt", (String) null, "Destination", app.url("/b.txt"), "Overwrite", "T").statusCode());
        assertEquals("a", contentOf(onTheCloud("a.txt").get(0)));
        assertEquals("b", contentOf(onTheCloud("b.txt").get(0)));

        assertEquals(204, app.send("MOVE", "/a.txt", (String) null, "Destination", app.url("/b.txt"), "Overwrite", "T").statusCode());
        assertEquals(List.of(), onTheCloud("a.txt"));
        List<Entry> b = onTheCloud("b.txt");
        assertEquals(1, b.size());
        assertEquals("a", contentOf(b.get(0)));

        assertEquals(201, put("/c.txt", "c"));
        assertEquals(204, app.send("COPY", "/c.txt", (String) null, "Destination", app.url("/b.txt"), "Overwrite", "T").statusCode());
        assertEquals("c", contentOf(onTheCloud("b.txt").get(0)));
        assertEquals(1, onTheCloud("b.txt").size());
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

package org.alidav.dav.lock;

import org.alidav.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.alidav.dav.lock.testserver.TestServer;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP through Jetty, the bridge servlet, Milton and the lock layer. */
class LockHttpTest {
    private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
    private static final String EXCLUSIVE = lockinfo("exclusive", "<D:href>mailto:alice@example.org</D:href>");
    private static final String SHARED = lockinfo("shared", "");
    private static final String LOCKDISCOVERY = "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:lockdiscovery/>"
            + "<D:supportedlock/></D:prop></D:propfind>";

    private final TestClock clock = new TestClock();
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    @TempDir
    Path dir;
    private StateStore state;
    private TestServer server;

    private record Reply(int code, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String token() {
            String h = header("Lock-Token");
            assertNotNull(h, "no Lock-Token header");
            return h.substring(1, h.length() - 1);
        }
    }

    private static String lockinfo(String scope, String owner) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:" + scope
                + "/></D:lockscope><D:locktype><D:write/></D:locktype>"
                + (owner.isEmpty() ? "" : "<D:owner>" + owner + "</D:owner>") + "</D:lockinfo>";
    }

    @BeforeEach
    void start() throws Exception {
        state = StateStore.open(dir.resolve("state.db"));
        server = new TestServer(clock, new LockManager(clock, Duration.ofHours(1), new LockTable(state)));
        server.store().mkdir("/c");
        server.store().put("/c/f.txt", "hello".getBytes(StandardCharsets.UTF_8));
        server.store().put("/a.txt", "a".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        state.close();
    }

    /** headers: name, value pairs; "user" is a pseudo header that sets Basic credentials. */
    private Reply send(String method, String path, String body, String... headers) throws IOException {
        RequestBody requestBody = body != null ? RequestBody.create(body, XML)
                : method.equals("PUT") ? RequestBody.create(new byte[0]) : null;
        Request.Builder request = new Request.Builder().url(server.url(path)).method(method, requestBody);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("user")) {
                String credentials = headers[i + 1] + ":secret";
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try (Response response = http.newCall(request.build()).execute()) {
            Map<String, String> h = new HashMap<>();
            response.headers().forEach(pair -> h.put(pair.getFirst().toLowerCase(), pair.getSecond()));
            return new Reply(response.code(), h, response.body().string());
        }
    }

    private Reply lock(String path, String body, String... headers) throws IOException {
        return send("LOCK", path, body, headers);
    }

    private Reply put(String path, String content, String... headers) throws IOException {
        return send("PUT", path, content, headers);
    }

    private String content(String path) {
        return new String(server.store().node(path).orElseThrow().data(), StandardCharsets.UTF_8);
    }

    @Test
    void optionsAdvertisesClassTwoAndLockMethods() throws IOException {
        Reply r = send("OPTIONS", "/a.txt", null);
        assertEquals(200, r.code());
        assertTrue(r.header("DAV").replace(" ", "").matches("1,2.*"), r.header("DAV"));
        assertTrue(r.header("Allow").contains("LOCK") && r.header("Allow").contains("UNLOCK"), r.header("Allow"));
    }

    @Test
    void exclusiveLockBlocksWritesWithoutTokenAndAllowsThemWithIt() throws IOException {
        Reply locked = lock("/a.txt", EXCLUSIVE, "Timeout", "Second-100", "Depth", "0");
        assertEquals(200, locked.code());
        String token = locked.token();
        assertTrue(token.startsWith("urn:uuid:"));
        assertTrue(locked.body().contains("<D:locktoken><D:href>" + token + "</D:href></D:locktoken>"), locked.body());
        assertTrue(locked.body().contains("<D:timeout>Second-100</D:timeout>"), locked.body());
        assertTrue(locked.body().contains("<D:owner><D:href xmlns:D=\"DAV:\">mailto:alice@example.org</D:href></D:owner>"),
                locked.body());
        assertTrue(locked.body().contains("<D:depth>0</D:depth>"));

        Reply refused = put("/a.txt", "x");
        assertEquals(423, refused.code());
        assertTrue(refused.body().contains("<D:lock-token-submitted><D:href>/a.txt</D:href>"), refused.body());
        assertEquals(423, send("DELETE", "/a.txt", null).code());
        assertEquals(423, send("MOVE", "/a.txt", null, "Destination", server.url("/b.txt")).code());
        assertEquals(423, send("PROPPATCH", "/a.txt", "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>"
                + "<x:p xmlns:x=\"urn:x\">v</x:p></D:prop></D:set></D:propertyupdate>").code());
        assertEquals("a", content("/a.txt"));

        // reads are never blocked, COPY of a locked source is not a write to it
        assertEquals(200, send("GET", "/a.txt", null).code());
        assertEquals(207, send("PROPFIND", "/a.txt", null, "Depth", "0").code());
        assertEquals(201, send("COPY", "/a.txt", null, "Destination", server.url("/copy.txt")).code());

        assertEquals(204, put("/a.txt", "mine", "If", "(<" + token + ">)").code());
        assertEquals("mine", content("/a.txt"));
        assertEquals(204, put("/a.txt", "tagged", "If", "<" + server.url("/a.txt") + "> (<" + token + ">)").code());
        assertEquals("tagged", content("/a.txt"));
    }

    @Test
    void conditionalPutWithEtagsAndNot() throws IOException {
        String token = lock("/a.txt", EXCLUSIVE).token();
        String etag = send("HEAD", "/a.txt", null).header("ETag");
        assertNotNull(etag);
        assertEquals(412, put("/a.txt", "x", "If", "(<" + token + "> [\"bogus\"])").code());
        assertEquals(204, put("/a.txt", "x", "If", "(<" + token + "> [" + etag + "])").code());
        // the old etag no longer matches after the write
        assertEquals(412, put("/a.txt", "y", "If", "(<" + token + "> [" + etag + "])").code());
        assertEquals(204, put("/a.txt", "y", "If", "(<" + token + ">) (Not <DAV:no-lock>)").code());
        // a list that holds without naming the token does not submit it
        assertEquals(423, put("/a.txt", "z", "If", "(Not <DAV:no-lock>)").code());
        assertEquals(412, put("/a.txt", "z", "If", "(<urn:uuid:00000000-0000-0000-0000-000000000000>)").code());
        assertEquals(400, put("/a.txt", "z", "If", "(<" + token + ">").code());
        assertEquals("y", content("/a.txt"));
    }

    @Test
    void etagConditionsWorkOnUnlockedResources() throws IOException {
        String etag = send("HEAD", "/a.txt", null).header("ETag");
        assertEquals(204, put("/a.txt", "x", "If", "([" + etag + "])").code());
        assertEquals(412, put("/a.txt", "x", "If", "([" + etag + "])").code());
        assertEquals(412, send("GET", "/a.txt", null, "If", "([\"nope\"])").code());
        assertEquals(200, send("GET", "/a.txt", null, "If", "(Not [\"nope\"])").code());
    }

    @Test
    void tokenOfAnotherPrincipalIsRefused() throws IOException {
        String token = lock("/a.txt", EXCLUSIVE, "user", "alice").token();
        Reply bob = send("DELETE", "/a.txt", null, "user", "bob", "If", "(<" + token + ">)");
        assertEquals(423, bob.code());
        assertEquals(403, send("UNLOCK", "/a.txt", null, "user", "bob", "Lock-Token", "<" + token + ">").code());
        assertEquals(204, send("DELETE", "/a.txt", null, "user", "alice", "If", "(<" + token + ">)").code());
        assertTrue(server.locks().find(token).isEmpty(), "DELETE ends the lock");
    }

    @Test
    void refreshAndUnlock() throws IOException {
        String token = lock("/a.txt", EXCLUSIVE, "Timeout", "Second-60").token();
        clock.advance(Duration.ofSeconds(50));
        Reply refreshed = lock("/a.txt", null, "If", "(<" + token + ">)", "Timeout", "Second-600");
        assertEquals(200, refreshed.code());
        assertTrue(refreshed.body().contains("<D:timeout>Second-600</D:timeout>"), refreshed.body());
        assertEquals(400, lock("/a.txt", null).code());
        assertEquals(412, lock("/a.txt", null, "If", "(<urn:uuid:1>)").code());

        assertEquals(400, send("UNLOCK", "/a.txt", null).code());
        assertEquals(409, send("UNLOCK", "/a.txt", null, "Lock-Token", "<urn:uuid:1>").code());
        assertEquals(409, send("UNLOCK", "/c/f.txt", null, "Lock-Token", "<" + token + ">").code());
        assertEquals(204, send("UNLOCK", "/a.txt", null, "Lock-Token", "<" + token + ">").code());
        assertEquals(201, send("PUT", "/new.txt", null).code());
        assertEquals(204, put("/a.txt", "free").code());
    }

    @Test
    void lockExpiresWithTheClock() throws IOException {
        lock("/a.txt", EXCLUSIVE, "Timeout", "Infinite").token();
        clock.advance(Duration.ofMinutes(59));
        assertEquals(423, put("/a.txt", "x").code());
        clock.advance(Duration.ofMinutes(1)); // Infinite was capped to the one-hour maximum
        assertEquals(204, put("/a.txt", "x").code());
    }

    @Test
    void unmappedLockCreatesEmptyResource() throws IOException {
        Reply created = lock("/c/new.txt", EXCLUSIVE);
        assertEquals(201, created.code());
        assertEquals("", content("/c/new.txt"));
        assertEquals(423, put("/c/new.txt", "x").code());
        assertEquals(204, put("/c/new.txt", "x", "If", "(<" + created.token() + ">)").code());
        assertEquals(409, lock("/missing/new.txt", EXCLUSIVE).code());
        assertTrue(server.locks().locksAtOrBelow("/missing").isEmpty());
        assertEquals(400, lock("/a.txt", "<not-xml").code());
        assertEquals(400, lock("/a.txt", EXCLUSIVE, "Depth", "1").code());
    }

    @Test
    void depthInfinityCollectionLockCoversMembers() throws IOException {
        Reply locked = lock("/c", EXCLUSIVE, "Depth", "infinity");
        assertEquals(200, locked.code());
        String token = locked.token();

        Reply member = put("/c/f.txt", "x");
        assertEquals(423, member.code());
        assertTrue(member.body().contains("<D:href>/c</D:href>"), member.body());
        assertEquals(423, put("/c/other.txt", "x").code());
        assertEquals(423, send("MKCOL", "/c/sub", null).code());
        assertEquals(423, send("DELETE", "/c", null).code());
        assertEquals(423, send("COPY", "/a.txt", null, "Destination", server.url("/c/a.txt")).code());
        assertEquals(423, lock("/c/f.txt", SHARED).code());

        assertEquals(201, put("/c/other.txt", "x", "If", "<" + server.url("/c/") + "> (<" + token + ">)").code());
        assertEquals(204, put("/c/f.txt", "x", "If", "(<" + token + ">)").code());

        Reply discovery = send("PROPFIND", "/c/f.txt", LOCKDISCOVERY, "Depth", "0");
        assertEquals(207, discovery.code());
        assertTrue(discovery.body().contains(token), discovery.body());
        // Milton binds DAV: to the prefix "d" in multistatus bodies
        assertTrue(discovery.body().contains("<d:lockroot><d:href>/c</d:href></d:lockroot>"), discovery.body());
        assertTrue(discovery.body().contains("<d:depth>infinity</d:depth>"), discovery.body());
        assertTrue(discovery.body().contains("<d:shared/>"), discovery.body());

        // indirect refresh through a member
        assertEquals(200, lock("/c/f.txt", null, "If", "(<" + token + ">)").code());

        assertEquals(204, send("DELETE", "/c", null, "If", "(<" + token + ">)").code());
        assertTrue(server.locks().find(token).isEmpty());
    }

    @Test
    void depthZeroCollectionLockProtectsMembershipOnly() throws IOException {
        String token = lock("/c", EXCLUSIVE, "Depth", "0").token();
        assertEquals(204, put("/c/f.txt", "x").code()); // content of an existing member is not protected
        assertEquals(423, put("/c/new.txt", "x").code());
        assertEquals(423, send("DELETE", "/c/f.txt", null).code());
        assertEquals(201, put("/c/new.txt", "x", "If", "</c> (<" + token + ">)").code());
    }

    @Test
    void sharedLocksEachHolderUsesOwnToken() throws IOException {
        String alice = lock("/a.txt", SHARED, "user", "alice").token();
        String bob = lock("/a.txt", SHARED, "user", "bob").token();
        assertEquals(423, lock("/a.txt", EXCLUSIVE, "user", "carol").code());
        assertEquals(204, put("/a.txt", "a", "user", "alice", "If", "(<" + alice + ">)").code());
        assertEquals(204, put("/a.txt", "b", "user", "bob", "If", "(<" + bob + ">)").code());
        assertEquals(423, put("/a.txt", "c", "user", "carol", "If", "(<" + alice + ">)").code());
        Reply props = send("PROPFIND", "/a.txt", LOCKDISCOVERY, "Depth", "0");
        assertTrue(props.body().contains(alice) && props.body().contains(bob), props.body());
    }

    @Test
    void moveDropsSourceLocksAndRespectsDestinationLocks() throws IOException {
        String source = lock("/a.txt", EXCLUSIVE).token();
        String destination = lock("/c", EXCLUSIVE).token();
        assertEquals(423, send("MOVE", "/a.txt", null, "Destination", server.url("/c/a.txt"),
                "If", "(<" + source + ">)").code());
        Reply moved = send("MOVE", "/a.txt", null, "Destination", server.url("/c/a.txt"),
                "If", "</a.txt> (<" + source + ">) </c> (<" + destination + ">)");
        assertEquals(201, moved.code(), moved.body());
        assertTrue(server.locks().find(source).isEmpty());
        assertFalse(server.locks().find(destination).isEmpty());
        assertEquals(1, server.locks().locksCovering("/c/a.txt").size());
    }

    @Test
    void lockAndUnlockGoThroughMiltonAuthentication() throws IOException {
        String badPassword = "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, lock("/a.txt", EXCLUSIVE, "Authorization", badPassword).code());
        assertTrue(server.locks().locksAt("/a.txt").isEmpty());
        String token = lock("/a.txt", EXCLUSIVE, "user", "alice").token();
        assertEquals(401, send("UNLOCK", "/a.txt", null, "Authorization", badPassword, "Lock-Token", "<" + token + ">").code());
        assertEquals(409, send("UNLOCK", "/nothing/here", null, "user", "alice", "Lock-Token", "<" + token + ">").code());
    }

    @Test
    void conflictingLockNamesTheLockedResource() throws IOException {
        lock("/c", EXCLUSIVE, "Depth", "infinity");
        Reply conflict = lock("/c/f.txt", EXCLUSIVE);
        assertEquals(423, conflict.code());
        assertTrue(conflict.body().contains("<D:no-conflicting-lock><D:href>/c</D:href>"), conflict.body());
    }

    @Test
    void allpropListsLockProperties() throws IOException {
        Reply allprop = send("PROPFIND", "/a.txt", "<D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>",
                "Depth", "0");
        assertEquals(207, allprop.code());
        assertTrue(allprop.body().contains("lockdiscovery") && allprop.body().contains("supportedlock"),
                allprop.body());
        assertTrue(allprop.body().contains("<d:lockentry><d:lockscope><d:exclusive/></d:lockscope>"), allprop.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }
}

package org.alidav.sandbox;

import static org.alidav.sandbox.TestApi.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FaultTest extends SandboxTestSupport {
    private static final String LIST = SandboxServer.API_PREFIX + "openFile/list";
    private static final String CREATE = SandboxServer.API_PREFIX + "openFile/create";
    private static final String TRASH = SandboxServer.API_PREFIX + "openFile/recyclebin/trash";
    private static final String COMPLETE = SandboxServer.API_PREFIX + "openFile/complete";

    private TestApi.Resp mkdir(String name) {
        return api.post("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", name,
                "type", "folder", "check_name_mode", "refuse"));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        list().json().get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    /** Creates a file session with {@code parts} parts and returns the create answer. */
    private JsonNode createFile(String name, int parts) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= parts; i++) list.add(m("part_number", i));
        return api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", name,
                "type", "file", "check_name_mode", "ignore", "part_info_list", list));
    }

    private static String partUrl(JsonNode created, int index) {
        return created.get("part_info_list").get(index).get("upload_url").asText();
    }

    private TestApi.Resp list() {
        return api.post("openFile/list", m("drive_id", api.driveId, "parent_file_id", "root"));
    }

    @Test
    void expireAccessTokens() {
        sandbox.faults().expireAccessTokens();
        TestApi.Resp r = list();
        assertEquals(401, r.status());
        assertEquals("AccessTokenExpired", r.code());
        api.refresh();
        assertEquals(200, list().status());
    }

    @Test
    void expireUrls() {
        byte[] data = TestApi.bytes(100, 1);
        String url = api.downloadUrl(api.upload("root", "a", data, 100).get("file_id").asText());
        JsonNode c = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "b",
                "type", "file", "part_info_list", List.of(m("part_number", 1))));
        sandbox.faults().expireUrls();
        assertTrue(api.get(url).text().contains("Request has expired."));
        assertEquals(403, api.put(c.get("part_info_list").get(0).get("upload_url").asText(), data).status());
        assertArrayEquals(data, api.get(api.downloadUrl(api.upload("root", "c", data, 100).get("file_id").asText())).bytes());
    }

    @Test
    void failNextCallsOfOneEndpoint() {
        sandbox.faults().failNext(2, LIST, FaultPlan.Failure.TOO_MANY_REQUESTS, 1234);
        assertEquals(200, api.post("user/getSpaceInfo", m()).status());
        for (int i = 0; i < 2; i++) {
            TestApi.Resp r = list();
            assertEquals(429, r.status());
            assertEquals("1234", r.headers().get("x-retry-after"));
            assertEquals("TooManyRequests", r.code());
        }
        assertEquals(200, list().status());

        sandbox.faults().failNext(1, FaultPlan.Failure.INTERNAL_ERROR);
        TestApi.Resp err = api.post("user/getSpaceInfo", m());
        assertEquals(500, err.status());
        assertTrue(err.contentType().startsWith("application/json"));
        assertEquals("InternalError", err.code());

        sandbox.faults().failNext(1, LIST, FaultPlan.Failure.BAD_GATEWAY);
        TestApi.Resp gw = list();
        assertEquals(502, gw.status());
        assertTrue(gw.contentType().startsWith("text/plain"));
        assertEquals("Bad Gateway", gw.text());
        assertEquals(1, sandbox.stats().count(LIST, 502));
        assertEquals(2, sandbox.stats().count(LIST, 429));
    }

    @Test
    void dropConnectionAfterCreateWasApplied() {
        sandbox.faults().dropConnectionAfterNext(CREATE);
        assertThrows(UncheckedIOException.class, () -> api.post("openFile/create", m("drive_id", api.driveId,
                "parent_file_id", "root", "name", "ghost", "type", "folder")));
        JsonNode items = list().json().get("items");
        assertEquals(1, items.size());
        assertEquals("ghost", items.get(0).get("name").asText());
        assertEquals(1, sandbox.stats().count(CREATE, CallStats.DROPPED));
        assertEquals(200, list().status());
    }

    @Test
    void failPartUploads() {
        byte[] data = TestApi.bytes(1000, 2);
        JsonNode c = api.ok("openFile/create", m("drive_id", api.driveId, "parent_file_id", "root", "name", "p",
                "type", "file", "part_info_list", List.of(m("part_number", 1))));
        String url = c.get("part_info_list").get(0).get("upload_url").asText();
        sandbox.faults().failNextPartUploads(1);
        assertEquals(500, api.put(url, data).status());
        assertEquals(200, api.put(url, data).status());
        assertEquals(1000, sandbox.stats().uploadedPartBytes());
    }

    @Test
    void breakDownloadMidBody() {
        byte[] data = TestApi.bytes(3 << 20, 3);
        String url = api.downloadUrl(api.upload("root", "d", data, 4 << 20).get("file_id").asText());
        sandbox.faults().breakNextDownloadAfter(1 << 20);
        assertThrows(UncheckedIOException.class, () -> api.get(url));
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED));
        assertArrayEquals(data, api.get(url).bytes());
    }

    @Test
    void refreshAnswersAForeignSub() throws Exception {
        String userId = sandbox.user("alice").userId();
        sandbox.faults().foreignSubOnNextRefresh();
        JsonNode answer = api.refresh();
        String sub = TestApi.JSON.readTree(Base64.getDecoder().decode(answer.get("refresh_token").asText().split("\\.")[1]))
                .get("sub").asText();
        assertNotEquals(userId, sub);
        JsonNode next = api.refresh();
        assertEquals(userId, TestApi.JSON.readTree(Base64.getDecoder().decode(
                next.get("refresh_token").asText().split("\\.")[1])).get("sub").asText());
    }

    @Test
    void deadRefreshToken() {
        sandbox.faults().killRefreshToken(api.refreshToken);
        TestApi.Resp r = api.postJson("/oauth/access_token", m("grant_type", "refresh_token", "client_id",
                sandbox.clientId(), "client_secret", sandbox.clientSecret(), "refresh_token", api.refreshToken), null);
        assertEquals(401, r.status());
        assertEquals("RefreshTokenExpired", r.code());
    }

    @Test
    void frozenAccount() {
        sandbox.faults().freezeAccount("alice");
        TestApi.Resp r = list();
        assertEquals(403, r.status());
        assertEquals("UserNotAllowedAccessResource", r.code());
        sandbox.faults().unfreezeAccount("alice");
        assertEquals(200, list().status());
    }

    @Test
    void videoPreviewOverCapacityAndClear() {
        String id = api.upload("root", "v.mkv", new byte[10], 10).get("file_id").asText();
        sandbox.faults().videoPreviewOverCapacity(true);
        assertEquals("ExceedCapacityForbidden", api.post("openFile/getVideoPreviewPlayInfo",
                m("drive_id", api.driveId, "file_id", id)).code());
        sandbox.faults().failNext(5, FaultPlan.Failure.INTERNAL_ERROR);
        sandbox.faults().clear();
        assertEquals(200, api.post("openFile/getVideoPreviewPlayInfo", m("drive_id", api.driveId, "file_id", id)).status());
    }

    @Test
    void dropBeforeProcessingAppliesNothing() {
        sandbox.faults().inject(Fault.drop(CREATE));
        assertThrows(UncheckedIOException.class, () -> mkdir("never"));
        assertEquals(List.of(), names());
        assertEquals(1, sandbox.stats().count(CREATE, CallStats.DROPPED));
        assertEquals(200, mkdir("now").status());
    }

    @Test
    void dropAfterProcessingOfTheNextCallsOfAnyEndpoint() {
        sandbox.faults().inject(Fault.drop(Fault.ANY_API).after().times(2));
        assertThrows(UncheckedIOException.class, () -> mkdir("a"));
        assertThrows(UncheckedIOException.class, () -> mkdir("b"));
        assertEquals(List.of("a", "b"), names().stream().sorted().toList());
        assertEquals(2, sandbox.stats().count(CREATE, CallStats.DROPPED));
    }

    @Test
    void partUploadDroppedBeforeOrAfterItIsStored() {
        byte[] data = TestApi.bytes(1000, 4);
        JsonNode c = createFile("p", 2);
        sandbox.faults().inject(Fault.drop(CallStats.OBJECT_PUT));
        assertThrows(UncheckedIOException.class, () -> api.put(partUrl(c, 0), data));
        assertEquals(0, sandbox.stats().uploadedPartBytes(), "dropped before: nothing stored");
        sandbox.faults().inject(Fault.drop(CallStats.OBJECT_PUT).after());
        assertThrows(UncheckedIOException.class, () -> api.put(partUrl(c, 0), data));
        assertEquals(409, api.put(partUrl(c, 0), data).status(), "dropped after: the part was stored");
        assertEquals(2, sandbox.stats().count(CallStats.OBJECT_PUT, CallStats.DROPPED));
    }

    @Test
    void gatewayErrorPagesAreHtml() {
        for (int status : new int[] {500, 502, 503, 504}) {
            sandbox.faults().inject(Fault.html(CREATE, status));
            TestApi.Resp r = mkdir("d" + status);
            assertEquals(status, r.status());
            assertTrue(r.contentType().startsWith("text/html"), r.contentType());
            assertTrue(r.text().contains("<h1>" + status), r.text());
        }
        assertEquals(List.of(), names(), "answered before processing: nothing created");
        sandbox.faults().inject(Fault.html(CREATE, 504).after());
        assertEquals(504, mkdir("late").status());
        assertEquals(List.of("late"), names(), "answered after processing: created");
    }

    @Test
    void partUploadGatewayErrorHitsTheChosenPart() {
        byte[] data = TestApi.bytes(1000, 5);
        JsonNode c = createFile("p", 2);
        sandbox.faults().inject(Fault.html(CallStats.OBJECT_PUT, 503).skipping(1));
        assertEquals(200, api.put(partUrl(c, 0), data).status());
        TestApi.Resp second = api.put(partUrl(c, 1), data);
        assertEquals(503, second.status());
        assertTrue(second.contentType().startsWith("text/html"));
        assertEquals(200, api.put(partUrl(c, 1), data).status());
    }

    @Test
    void tooManyRequestsStormByCountAndByTime() throws Exception {
        sandbox.faults().inject(Fault.tooManyRequests(Fault.ANY_API, 50).times(3));
        for (int i = 0; i < 3; i++) {
            TestApi.Resp r = mkdir("x");
            assertEquals(429, r.status());
            assertEquals("50", r.headers().get("x-retry-after"));
        }
        assertEquals(200, mkdir("x").status());

        sandbox.faults().inject(Fault.tooManyRequests(LIST, 100).lasting(Duration.ofSeconds(2)));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) assertEquals(429, list().status(), "every call during the storm");
        assertEquals(200, mkdir("other endpoint").status());
        Thread.sleep(Math.max(0, 2100 - (System.nanoTime() - start) / 1_000_000));
        assertEquals(200, list().status(), "the storm is over");
        assertTrue(sandbox.stats().count(LIST, 429) >= 5);
    }

    @Test
    void emptySuccessBodiesAfterTheCallWasApplied() {
        String id = api.upload("root", "f", TestApi.bytes(10, 6), 10).get("file_id").asText();
        sandbox.faults().inject(Fault.emptyBody(TRASH));
        TestApi.Resp trashed = api.post("openFile/recyclebin/trash", m("drive_id", api.driveId, "file_id", id));
        assertEquals(200, trashed.status());
        assertEquals(0, trashed.bytes().length);
        assertEquals(List.of("f"), sandbox.trashedNames("alice"));

        JsonNode c = createFile("g", 1);
        assertEquals(200, api.put(partUrl(c, 0), TestApi.bytes(10, 7)).status());
        sandbox.faults().inject(Fault.emptyObject(COMPLETE));
        TestApi.Resp done = api.post("openFile/complete", m("drive_id", api.driveId, "file_id",
                c.get("file_id").asText(), "upload_id", c.get("upload_id").asText()));
        assertEquals("{}", done.text());
        assertEquals(List.of("g"), names());
    }

    @Test
    void stalledCallIsHeldUntilReleased() throws Exception {
        Stall stall = sandbox.faults().inject(Fault.stall(CREATE)).stall();
        CompletableFuture<TestApi.Resp> call = CompletableFuture.supplyAsync(() -> mkdir("held"));
        assertTrue(stall.awaitReached(Duration.ofSeconds(10)));
        assertEquals(1, stall.held());
        assertEquals(List.of(), names(), "held before processing: nothing applied yet");
        assertFalse(call.isDone());
        stall.release();
        assertEquals(200, call.get(10, TimeUnit.SECONDS).status());
        assertEquals(List.of("held"), names());
    }

    @Test
    void stalledPartUploadDroppedByTheTestStoresNothing() throws Exception {
        JsonNode c = createFile("p", 1);
        Stall stall = sandbox.faults().inject(Fault.stall(CallStats.OBJECT_PUT)).stall();
        CompletableFuture<TestApi.Resp> call = CompletableFuture.supplyAsync(() -> api.put(partUrl(c, 0), new byte[100]));
        assertTrue(stall.awaitReached(Duration.ofSeconds(10)));
        stall.drop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof UncheckedIOException, e.toString());
        assertEquals(0, sandbox.stats().uploadedPartBytes());
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_PUT, CallStats.DROPPED));
    }

    @Test
    void clearDropsHeldCalls() throws Exception {
        Stall stall = sandbox.faults().inject(Fault.stall(CREATE).after()).stall();
        CompletableFuture<TestApi.Resp> call = CompletableFuture.supplyAsync(() -> mkdir("applied"));
        assertTrue(stall.awaitReached(Duration.ofSeconds(10)));
        sandbox.faults().clear();
        assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("applied"), names(), "held after processing: applied, never answered");
    }

    @Test
    void downloadDroppedBeforeAnyByte() {
        byte[] data = TestApi.bytes(1000, 8);
        String url = api.downloadUrl(api.upload("root", "d", data, 1000).get("file_id").asText());
        sandbox.faults().inject(Fault.drop(CallStats.OBJECT_GET));
        assertThrows(UncheckedIOException.class, () -> api.get(url));
        assertArrayEquals(data, api.get(url).bytes());
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED));
    }

    @Test
    void redirectedObjectReadIsFollowed() {
        byte[] data = TestApi.bytes(1000, 9);
        String url = api.downloadUrl(api.upload("root", "r", data, 1000).get("file_id").asText());
        sandbox.faults().inject(Fault.redirect(CallStats.OBJECT_GET));
        assertArrayEquals(data, api.get(url).bytes());
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_GET, 302));
    }

    @Test
    void idleKeptAliveConnectionsAreClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String request = "POST " + SandboxServer.API_PREFIX + "user/getSpaceInfo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "User-Agent: " + TestApi.UA + "\r\nAuthorization: Bearer " + api.accessToken + "\r\nContent-Length: 0\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readAnswer(in).startsWith("HTTP/1.1 200"), "answered, the connection kept alive");
            // The answer can reach us before the sandbox has marked the exchange done: until then the
            // connection is busy and is rightly left open, so close again until it is idle. Jetty's own
            // idle timeout (30 s) is far beyond the deadline, so only closeIdleConnections can pass this.
            socket.setSoTimeout(100);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int read;
            while (true) {
                sandbox.faults().closeIdleConnections();
                try {
                    read = in.read();
                    break;
                } catch (SocketTimeoutException stillOpen) {
                    assertTrue(System.nanoTime() < deadline, "not closed within 5 s");
                }
            }
            assertEquals(-1, read, "closed by the server");
        }
    }

    /** Head and body of one HTTP answer with a Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
        Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(m.find(), head.toString());
        in.readNBytes(Integer.parseInt(m.group(1)));
        return head.toString();
    }
}

package org.alidav.aliyun;

import static org.alidav.aliyun.ScriptedApi.error;
import static org.alidav.aliyun.ScriptedApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.alidav.drive.DriveException;
import org.alidav.drive.DriveException.Kind;
import org.alidav.drive.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernorAndErrorsTest {
    private static final String LIST = "/adrive/v1.0/openFile/list";
    @TempDir
    Path state;
    ScriptedApi api;
    Harness h;

    @BeforeEach
    void setUp() throws Exception {
        api = new ScriptedApi();
        api.on(LIST, c -> json(200, Harness.listPage("")));
        h = new Harness(api, state);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    private static MockResponse tooMany(long ms) {
        return error(429, "TooManyRequests").setHeader("x-retry-after", ms);
    }

    @Test
    void a429IsRetriedAfterTheServersXRetryAfter() {
        Driver d = h.driver();
        d.list(Harness.folder("root"));
        api.once(LIST, c -> tooMany(400));
        long start = System.nanoTime();
        d.list(Harness.folder("root"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 400, "waited " + tookMs + " ms");
        assertEquals(3, api.count(LIST));
    }

    @Test
    void exhausted429sBecomeRateLimitedWithRetryAfterNeverAnEmptyListing() {
        Driver d = h.driver(Map.of("max_attempts", 3));
        api.on(LIST, c -> tooMany(20));
        DriveException e = assertThrows(DriveException.class, () -> d.list(Harness.folder("root")));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofMillis(20), e.retryAfter());
        assertEquals(3, api.count(LIST));
    }

    @Test
    void aNonJsonGatewayErrorIsAnErrorAndOnlyIdempotentCallsAreRetried() {
        Driver d = h.driver(Map.of("max_attempts", 2));
        MockResponse badGateway = new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/plain").setBody("Bad Gateway");
        api.on(LIST, c -> badGateway);
        DriveException e = assertThrows(DriveException.class, () -> d.list(Harness.folder("root")));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(2, api.count(LIST), "list is idempotent: retried");

        api.on("/adrive/v1.0/openFile/recyclebin/trash", c -> badGateway);
        // the lost answer is settled by looking: the item is still there, so the removal failed
        api.on("/adrive/v1.0/openFile/get", c -> ScriptedApi.json(200, Harness.file("x", "x", 1)));
        assertThrows(DriveException.class, () -> d.remove(Harness.folder("x")));
        assertEquals(1, api.count("/adrive/v1.0/openFile/recyclebin/trash"), "a write is never blindly repeated");
    }

    @Test
    void a2xxWithoutJsonIsAnError() {
        Driver d = h.driver();
        api.on(LIST, c -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>login</html>"));
        assertEquals(Kind.UPSTREAM, assertThrows(DriveException.class, () -> d.list(Harness.folder("root"))).kind());
    }

    @Test
    void listCallsArePacedByTheListBucket() {
        Driver d = h.driver(Map.of("list_rate", 10));
        d.list(Harness.folder("root"));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) d.list(Harness.folder("root"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 380, "5 calls at 10/s took " + tookMs + " ms");
    }

    @Test
    void apiErrorCodesMapToDriverKinds() {
        assertEquals(Kind.NOT_FOUND, ErrorMapper.fromJson(404, "NotFound.File", "", null).kind());
        assertEquals(Kind.NOT_FOUND, ErrorMapper.fromJson(400, "NotFound.File", "", null).kind());
        assertEquals(Kind.NOT_FOUND, ErrorMapper.fromJson(403, "ForbiddenFileInTheRecycleBin", "", null).kind());
        assertEquals(Kind.ALREADY_EXISTS, ErrorMapper.fromJson(409, "AlreadyExist.File", "", null).kind());
        assertEquals(Kind.QUOTA_EXCEEDED, ErrorMapper.fromJson(400, "QuotaExhausted.Drive", "", null).kind());
        assertEquals(507, Kind.QUOTA_EXCEEDED.httpStatus);
        assertEquals(Kind.UNAVAILABLE, ErrorMapper.fromJson(403, "UserNotAllowedAccessResource", "frozen", null).kind());
        assertEquals(Kind.UNAVAILABLE, ErrorMapper.fromJson(403, "ExceedCapacityForbidden", "", null).kind());
        DriveException limited = ErrorMapper.fromJson(429, "TooManyRequests", "", Duration.ofMillis(300));
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofMillis(300), limited.retryAfter());
        assertEquals(Kind.UNAVAILABLE, ErrorMapper.fromGateway(502, "Bad Gateway").kind());
    }
}

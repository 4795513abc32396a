package org.alidav.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.TestApp;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object reads through the whole server (streamed by it) while the object store misbehaves: the
 * client gets the complete body whatever happened upstream.
 */
class ReadFaultsTest {
    @TempDir
    Path dir;
    SandboxServer sandbox;
    TestApp app;
    final Body body = Body.random("read", ServerConfig.PART_SIZE * 2, 7);

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build());
        ServerConfig config = ServerConfig.on(sandbox, dir.resolve("data"), sandbox.issueRefreshToken(sandbox.defaultUser().name()), "trash");
        app = TestApp.start(dir, config.yaml(), false);
        assertEquals(201, new DavClient(app.url("/")).put("r.bin", body));
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void aRedirectedObjectReadIsFollowed() throws Exception {
        readThrough(Fault.redirect(CallStats.OBJECT_GET), 302);
    }

    @Test
    void anObjectReadDroppedBeforeAnswerIsAskedAgain() throws Exception {
        readThrough(Fault.drop(CallStats.OBJECT_GET), CallStats.DROPPED);
    }

    @Test
    void anObjectReadAnsweredByAGatewayErrorPageIsAskedAgain() throws Exception {
        readThrough(Fault.html(CallStats.OBJECT_GET, 503), 503);
    }

    /** GET of the file through the server while {@code fault} (counted as {@code struck}) is armed: 200, the whole body. */
    private void readThrough(Fault fault, int struck) throws Exception {
        sandbox.faults().inject(fault);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/r.bin"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(body.bytes(), r.body());
        assertEquals(1, sandbox.stats().count(CallStats.OBJECT_GET, struck), "the fault struck");
    }
}

package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.alidav.aliyun.FastPacingClock;
import org.alidav.config.AppConfig;
import org.alidav.config.ServerSettings;
import org.alidav.config.UserConfig;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.Litmus;
import org.alidav.dav.RcloneRoundTrip;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * litmus and rclone against {@code --sandbox} mode: the whole server, whose only storage is the Open
 * API emulator (official rate limits on) through the aliyundrive-open driver. The emulator and the
 * driver's pacing share a clock four times faster than real time: the rate limits hold on it, and a
 * client's forty downloads wait for their links a quarter as long.
 */
@EndToEnd
@LongRunning
class SandboxModeClientsTest {
    private static final String USER = DavTestServer.USER;
    private static final String PASSWORD = DavTestServer.PASSWORD;

    @TempDir
    Path dir;
    Application app;

    @BeforeEach
    void start() throws Exception {
        AppConfig config = new AppConfig(new ServerSettings("127.0.0.1", 0, dir.resolve("data"), "info"), false, false,
                List.of(new UserConfig(USER, PASSWORD, false)), List.of(), org.alidav.config.DownloadSettings.defaults(), "test");
        FastPacingClock time = new FastPacingClock(4);
        app = Application.start(config, true, time.wallClock(), time);
    }

    @AfterEach
    void stop() {
        System.out.println("sandbox calls: " + app.sandbox().orElseThrow().stats());
        app.close();
    }

    @Test
    void litmusAllGroupsPass() throws Exception {
        assertEquals(201, mkcol("litmus/"));
        Litmus.Report report = Litmus.run(dir, app.url() + "litmus/", USER, PASSWORD, Litmus.ALL_GROUPS);
        System.out.println("litmus against --sandbox: " + report.groups() + " in " + report.millis() + " ms");
        Litmus.assertNoFailures(report, Litmus.ALL_GROUPS);
    }

    @Test
    void rcloneRoundTrip() throws Exception {
        Path local = RcloneRoundTrip.writeTree(dir.resolve("local"), 40, 25 * 1024 * 1024 + 7);
        RcloneRoundTrip.Report report = RcloneRoundTrip.run(dir, local, app.url(), "owncloud", USER, PASSWORD,
                new RcloneRoundTrip.Checks() { });
        System.out.println("rclone against --sandbox: " + report);
    }

    /** Through the server an upload costs the driver's create and complete; the free-space check is cached. */
    @Test
    void aPutCostsCreateAndComplete() throws Exception {
        CallStats stats = app.sandbox().orElseThrow().stats();
        assertEquals(201, put("warm.txt", "warm up: token, drive, quota")); // first call refreshes and selects the drive
        stats.reset();
        for (int i = 0; i < 3; i++) assertEquals(201, put("f" + i + ".txt", "content " + i));
        assertEquals(3, stats.count(SandboxServer.API_PREFIX + "openFile/create"), stats.toString());
        assertEquals(3, stats.count(SandboxServer.API_PREFIX + "openFile/complete"), stats.toString());
        assertEquals(0, stats.count(SandboxServer.API_PREFIX + "user/getSpaceInfo"), stats.toString());
    }

    private int put(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Authorization", DavTestServer.basic(USER, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int mkcol(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Authorization", DavTestServer.basic(USER, PASSWORD))
                .method("MKCOL", HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

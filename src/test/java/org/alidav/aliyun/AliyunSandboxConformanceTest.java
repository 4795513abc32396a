package org.alidav.aliyun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverConformanceSuite;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared driver contract, met by the AliyunDrive Open driver against the offline emulator with
 * the official rate limits enforced (the driver's own pacing must keep it under them).
 */
class AliyunSandboxConformanceTest extends DriverConformanceSuite {
    static SandboxServer sandbox;
    static Path sandboxDir;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandboxDir = Files.createTempDirectory("sandbox-conformance");
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).build());
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandbox.close();
        org.alidav.TestFiles.deleteTree(sandboxDir);
    }

    @Override
    protected Driver newDriver() {
        Map<String, Object> o = new HashMap<>();
        o.put("refresh_token", sandbox.issueRefreshToken("conformance"));
        o.put("client_id", sandbox.clientId());
        o.put("client_secret", sandbox.clientSecret());
        o.put("api_base_url", sandbox.baseUrl());
        o.put("part_size", 102400);
        DriverOptions options = new DriverOptions(o);
        Driver d = new AliyunOpenDriverFactory().create(options, new DriverContext("/", stateDir, Clock.systemUTC()));
        if (!options.unknownKeys().isEmpty()) throw new IllegalStateException("unread options " + options.unknownKeys());
        return d;
    }
}

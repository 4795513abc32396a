package org.alidav.aliyun;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.alidav.LongRunning;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverConformanceSuite;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared driver contract, met by the AliyunDrive Open driver against the offline emulator with
 * the official rate limits enforced (the driver's own pacing must keep it under them).
 */
@LongRunning
class AliyunSandboxConformanceTest extends DriverConformanceSuite {
    /** The driver's pacing and the sandbox's rate limits on one clock four times faster than real time. */
    static final FastPacingClock PACING = new FastPacingClock(4);
    /** One registry for the class: its tests are one user's calls in a row, as before. */
    static final UserPacing USERS = new UserPacing(PACING);
    static SandboxServer sandbox;
    static Path sandboxDir;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandboxDir = Files.createTempDirectory("sandbox-conformance");
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).clock(PACING.wallClock()).build());
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandbox.close();
        org.alidav.TestFiles.deleteTree(sandboxDir);
    }

    /** Another client's upload, renamed onto the taken name with {@code check_name_mode: ignore}. */
    @Override
    public Entry madeElsewhere(Entry parent, String name, byte[] content) {
        AliyunOpenDriver d = (AliyunOpenDriver) driver();
        Entry made = d.put(parent, name + ".elsewhere", new Upload(new ByteArrayInputStream(content), content.length, null, null, null));
        d.api().rename(made.id(), name, OpenApi.IGNORE);
        return made.withName(name);
    }

    @Override
    protected Driver newDriver() {
        return SandboxDrivers.driver(sandbox, org.alidav.TestContexts.of("/", stateDir, Clock.systemUTC()), USERS,
                sandbox.issueRefreshToken("conformance"), Map.of("part_size", 102400));
    }
}

package org.alidav.sandbox;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a sandbox on a temp directory with a test clock; rate limits are off unless a test turns them on. */
abstract class SandboxTestSupport {
    @TempDir
    Path dataDir;

    SandboxClock clock;
    SandboxServer sandbox;
    TestApi api;

    @BeforeEach
    void startSandbox() {
        clock = new SandboxClock(Instant.parse("2026-01-02T03:04:05.678Z"));
        sandbox = SandboxServer.start(configure(SandboxOptions.builder().dataDir(dataDir).clock(clock)
                .rateLimits(false)).build());
        api = new TestApi(sandbox).login("alice");
    }

    /** Override to change options for a test class. */
    SandboxOptions.Builder configure(SandboxOptions.Builder b) {
        return b;
    }

    void restart() {
        // same port, so URLs handed out before the restart still point at the sandbox
        SandboxOptions options = sandbox.options().toBuilder().port(sandbox.port()).build();
        sandbox.close();
        sandbox = SandboxServer.start(options);
        TestApi next = new TestApi(sandbox);
        next.accessToken = api.accessToken;
        next.refreshToken = api.refreshToken;
        next.driveId = api.driveId;
        api = next;
    }

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}

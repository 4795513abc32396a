package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cloud storage whose refresh token is refused is reported when the server starts, not by the first request. */
class StartupTokenCheckTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedTokenIsReportedAtStartAndAWorkingOneIsNot() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).build())) {
            String storage = "{driver: aliyundrive-open, client_id: " + sandbox.clientId() + ", client_secret: " + sandbox.clientSecret()
                    + ", api_base_url: '" + sandbox.baseUrl() + "', refresh_token: ";
            String yaml = "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\nstorages:\n"
                    + "  - " + storage + sandbox.issueRefreshToken("alice") + ", mount: /good}\n"
                    + "  - " + storage + "not-a-token-the-sandbox-issued, mount: /dead}\n";
            try (TestApp t = TestApp.start(dir, yaml, false)) {
                assertEquals(List.of("storage /dead: its refresh token was refused; configure a new refresh_token (it answers 503 until then)"),
                        t.app.startupProblems());
            }
        }
    }
}

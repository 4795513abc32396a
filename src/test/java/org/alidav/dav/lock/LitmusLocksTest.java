package org.alidav.dav.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.EndToEnd;
import org.alidav.dav.ExternalClient;
import org.alidav.dav.lock.testserver.TestServer;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs litmus's "locks" group against the test server; skipped where litmus is not installed. Other groups
 * can be added for a look with {@code -Dlitmus.tests="basic copymove props locks http"} (only the locks
 * summary is asserted: the others test the toy resource factory more than the lock layer).
 */
@EndToEnd
class LitmusLocksTest {
    private static final Pattern SUMMARY =
            Pattern.compile("summary for `locks': of (\\d+) tests run: (\\d+) passed, (\\d+) failed");

    @Test
    void locksGroupPasses(@TempDir Path workDir) throws Exception {
        ExternalClient.require("litmus");
        try (StateStore state = StateStore.open(workDir.resolve("state.db"));
             TestServer server = new TestServer(Clock.systemUTC(), new LockManager(new LockTable(state)))) {
            server.store().mkdir("/dav");
            ProcessBuilder pb = new ProcessBuilder("litmus", "-k", server.url("/dav/"))
                    .directory(workDir.toFile()) // litmus writes debug.log and child.log into its cwd
                    .redirectErrorStream(true);
            pb.environment().put("TESTS", System.getProperty("litmus.tests", "locks"));
            Process litmus = pb.start();
            String output = new String(litmus.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(litmus.waitFor(2, TimeUnit.MINUTES), "litmus did not finish");
            System.out.println(output);
            Matcher summary = SUMMARY.matcher(output);
            assertTrue(summary.find(), "no locks summary in:\n" + output);
            assertTrue(summary.group(3).equals("0") && !output.contains("WARNING"), "litmus locks:\n" + output);
        }
    }
}

package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alidav.EndToEnd;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The litmus WebDAV conformance suite against a real server over a local folder. Groups basic,
 * copymove, props and http must have no failures (locks come with the lock package).
 */
@EndToEnd
class LitmusTest {

    @TempDir
    Path dir;

    @Test
    void failureLinesAreRecognised() {
        assertEquals(List.of("put_get (PUT of 3 bytes: 500)"),
                Litmus.failures(" 4. put_get.......  4. put_get............... FAIL (PUT of 3 bytes: 500)\n 5. x........ pass\n"));
        assertEquals(Map.of("basic", new Litmus.Summary(16, 15, 1)),
                Litmus.summaries("<- summary for `basic': of 16 tests run: 15 passed, 1 failed. 93.8%\n"));
    }

    /** All five groups, with lock support plugged in as the server is assembled in production. */
    @Test
    void allGroupsPassWithLockSupportInstalled() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir,
                s -> s.withExtensions(List.of(new LockingExtension(new LockManager(new LockTable(s.state()))))))) {
            assertNoFailures(dav, Litmus.ALL_GROUPS);
        }
    }

    private void assertNoFailures(DavTestServer dav, List<String> groups) throws Exception {
        Files.createDirectories(dav.storageRoot(0).resolve("litmus"));
        Litmus.Report report = Litmus.run(dir, dav.url("/litmus/"), DavTestServer.USER, DavTestServer.PASSWORD, groups);
        Litmus.assertNoFailures(report, groups);
        System.out.println("litmus: " + report.groups() + "; warnings: " + report.output().lines().filter(l -> l.contains("WARNING")).toList());
    }
}

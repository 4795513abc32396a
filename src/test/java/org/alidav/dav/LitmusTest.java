package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.dav.lock.LockManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The litmus WebDAV conformance suite against a real server over a local folder. Groups basic,
 * copymove, props and http must have no failures (locks come with the lock package).
 */
class LitmusTest {
    private static final List<String> GROUPS = List.of("basic", "copymove", "props", "http");
    private static final Pattern SUMMARY = Pattern.compile("<- summary for `(\\w+)': of (\\d+) tests run: (\\d+) passed, (\\d+) failed");
    private static final Pattern FAILED = Pattern.compile("(\\w+)\\.+\\s*FAIL(.*)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void failureLinesAreRecognised() {
        Matcher f = FAILED.matcher(" 4. put_get.......  4. put_get............... FAIL (PUT of 3 bytes: 500)\n 5. x........ pass\n");
        assertTrue(f.find());
        assertEquals("put_get (PUT of 3 bytes: 500)", f.group(1) + f.group(2));
    }

    @Test
    void basicCopymovePropsHttpPass() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir)) {
            assertNoFailures(dav, GROUPS);
        }
    }

    /** With the lock package plugged in through the DavExtension spot, as the lead wires it. */
    @Test
    void locksPassWithLockSupportInstalled() throws Exception {
        LockManager locks = new LockManager();
        DavExtension locking = new LockingExtension(new LockManager());
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withExtensions(List.of(locking)))) {
            List<String> all = new ArrayList<>(GROUPS);
            all.add("locks");
            assertNoFailures(dav, all);
        }
    }

    private void assertNoFailures(DavTestServer dav, List<String> groups) throws Exception {
        assumeTrue(ExternalClient.installed("litmus"), "litmus is not installed");
        {
            Files.createDirectories(dav.storageRoot(0).resolve("litmus"));
            ExternalClient.Result r = ExternalClient.run(dir, Map.of("TESTS", String.join(" ", groups)), 300,
                    List.of("litmus", "-k", dav.url("/litmus/"), DavTestServer.USER, DavTestServer.PASSWORD));
            System.out.println(r.output());
            Map<String, int[]> summaries = new LinkedHashMap<>();
            Matcher m = SUMMARY.matcher(r.output());
            while (m.find()) summaries.put(m.group(1), new int[]{Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
            List<String> failures = new ArrayList<>();
            Matcher f = FAILED.matcher(r.output());
            while (f.find()) failures.add(f.group(1) + f.group(2));
            assertEquals(List.of(), failures, "litmus failures");
            for (String g : groups) {
                assertTrue(summaries.containsKey(g), "no summary for group " + g + ":\n" + r.output());
                assertEquals(0, summaries.get(g)[2], g + " failures");
            }
        }
    }
}

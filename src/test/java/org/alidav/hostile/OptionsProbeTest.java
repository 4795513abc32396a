package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.LockingExtension;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTIONS before logging in (Windows, Finder) gets one fixed answer for every path: it cannot probe
 * which paths exist, and it costs no backend call.
 */
class OptionsProbeTest {
    @TempDir
    Path dir;

    @Test
    void existingAndMissingPathsLookTheSameAndCostNothing() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withExtensions(List.of(new LockingExtension(new LockManager(new LockTable(s.state()))))))) {
            Files.writeString(dav.storageRoot(0).resolve("a.txt"), "exists");
            dav.as(null, null);
            HttpResponse<String> existing = dav.send("OPTIONS", "/a.txt", null);
            HttpResponse<String> missing = dav.send("OPTIONS", "/no/such/file.txt", null);
            System.out.println("anonymous OPTIONS /a.txt: " + existing.statusCode() + " " + headers(existing));
            assertEquals(List.of(), dav.driverCalls(), "no backend call");
            assertEquals(200, existing.statusCode());
            assertEquals(existing.statusCode(), missing.statusCode());
            assertEquals(headers(existing), headers(missing));
            assertFalse(existing.headers().firstValue("ETag").isPresent());
            assertEquals("1, 2", existing.headers().firstValue("DAV").orElse(""));
            assertTrue(existing.headers().firstValue("Allow").orElse("").contains("PROPFIND"));
            assertTrue(existing.headers().firstValue("Allow").orElse("").contains("LOCK"));
            assertEquals("", existing.body());

            HttpResponse<String> loggedIn = dav.as(DavTestServer.USER, DavTestServer.PASSWORD).send("OPTIONS", "/a.txt", null);
            assertEquals(200, loggedIn.statusCode(), "a logged-in client gets Milton's own answer");
            assertTrue(loggedIn.headers().firstValue("DAV").orElse("").contains("2"));
            assertEquals(401, dav.as(DavTestServer.USER, "wrong").send("OPTIONS", "/a.txt", null).statusCode(),
                    "wrong credentials are refused like on any other method");
        }
    }

    /** The headers a client could compare, without the date. */
    private static Map<String, List<String>> headers(HttpResponse<String> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }
}

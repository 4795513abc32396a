package org.alidav.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.alidav.dav.DavTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /-/health, /-/metrics and /-/cache/drop: admin-only when users exist, open without users. */
class OpsHttpTest {
    @TempDir
    Path dir;

    @Test
    void onlyAdminsMayUseTheOperatorEndpoints() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, s -> s.withReadOnly(true))) {
            dav.as(null, null);
            HttpResponse<String> anonymous = dav.send("GET", "/-/metrics", null);
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isPresent());
            assertEquals(403, dav.as("alice", "secret").send("GET", "/-/health", null).statusCode());
            assertEquals(403, dav.as("bob", "reader").send("POST", "/-/cache/drop", null).statusCode());
            assertEquals(403, dav.as("alice", "secret").send("GET", "/-/login", null).statusCode());
            assertEquals(403, dav.as("alice", "secret").send("POST", "/-/login?mount=/", null).statusCode());
            dav.as("root", "admin");
            assertEquals(200, dav.send("GET", "/-/login", null).statusCode());
            assertEquals(200, dav.send("GET", "/-/health", null).statusCode());
            // a read-only server still lets an admin drop the cache: it writes no file
            assertEquals(200, dav.send("POST", "/-/cache/drop?path=/", null).statusCode());
            assertEquals(405, dav.send("GET", "/-/cache/drop", null).statusCode());
            assertEquals(404, dav.send("GET", "/-/nope", null).statusCode());
        }
    }

    @Test
    void healthMetricsAndDropReportWhatTheStoragesDid() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, "/a", "/b/c")) {
            assertEquals(201, dav.send("MKCOL", "/a/x", null).statusCode());
            assertEquals(201, dav.send("PUT", "/a/x/f.txt", "hello").statusCode());
            assertEquals(207, dav.send("PROPFIND", "/a/x", null, "Depth", "1").statusCode());
            assertEquals(207, dav.send("PROPFIND", "/b/c", null, "Depth", "1").statusCode());
            assertEquals(200, dav.send("GET", "/a/x/f.txt", null).statusCode());
            assertEquals(501, dav.send("BREW", "/a/x/f.txt", null).statusCode());
            dav.as("root", "admin");

            HttpResponse<String> health = dav.send("GET", "/-/health", null);
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"mount\" : \"/a\"") && health.body().contains("\"status\" : \"ok\""), health.body());

            HttpResponse<String> metrics = dav.send("GET", "/-/metrics", null);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String m = metrics.body();
            assertTrue(m.contains("# TYPE alidav_cache_misses_total counter"), m);
            assertTrue(m.contains("alidav_upload_bytes_total{storage=\"/a\"} 5"), m);
            assertTrue(m.contains("alidav_download_bytes_total{storage=\"/a\"} 5"), m);
            assertTrue(m.contains("alidav_active_streams{storage=\"/a\"} 0"), m);
            // requests by method and status, never by path; JVM and process figures beside them
            assertTrue(m.contains("alidav_http_request_duration_seconds_count{method=\"PUT\",status=\"201\"} 1"), m);
            assertTrue(m.contains("alidav_http_request_duration_seconds_bucket{method=\"PROPFIND\",status=\"207\",le=\"+Inf\"} 2"), m);
            assertTrue(m.contains("alidav_http_request_duration_seconds_count{method=\"other\",status=\"501\"} 1"), m);
            assertFalse(m.contains("f.txt") || m.contains("BREW"), m);
            assertTrue(m.contains("jvm_memory_used_bytes{area=\"heap\"}") && m.contains("process_cpu_seconds_total")
                    && m.contains("process_resident_memory_bytes"), m);

            HttpResponse<String> drop = dav.send("POST", "/-/cache/drop?path=/a/x", null);
            assertEquals(200, drop.statusCode());
            assertTrue(drop.body().contains("\"dropped\":1"), drop.body());
            HttpResponse<String> dropAll = dav.send("POST", "/-/cache/drop?path=/b", null);
            assertTrue(dropAll.body().contains("\"dropped\":1"), dropAll.body());
        }
    }

    @Test
    void withoutUsersTheEndpointsAreOpen() throws Exception {
        try (DavTestServer dav = DavTestServer.start(dir, s -> new ServerSetup(s.host(), s.port(), s.dataDir(), s.state(), false, true,
                Authenticator.ANYONE, s.mounts(), s.downloads(), s.extensions()))) {
            dav.as(null, null);
            assertEquals(200, dav.send("GET", "/-/metrics", null).statusCode());
            assertEquals(200, dav.send("GET", "/-/health", null).statusCode());
        }
    }
}

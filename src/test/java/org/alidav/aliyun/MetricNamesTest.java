package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.drive.DrivePath;
import org.alidav.sandbox.FaultPlan;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names {@code /-/metrics} showed before the Prometheus client replaced the hand-written writer
 * are all still there, over a cloud storage on the sandbox (so the API counters have values).
 */
class MetricNamesTest {
    /** Every family the hand-written writer exposed (its # TYPE lines), in its own order. */
    static final List<String> NAMES_BEFORE = List.of(
            "alidav_api_429_total", "alidav_api_calls_total", "alidav_api_retries_total", "alidav_api_throttled_total",
            "alidav_api_wait_seconds_total", "alidav_token_refreshes_total",
            "alidav_cache_hits_total", "alidav_cache_stale_hits_total", "alidav_cache_misses_total", "alidav_cache_refreshes_total",
            "alidav_cache_folders", "alidav_cache_entries", "alidav_active_streams", "alidav_upload_bytes_total",
            "alidav_download_bytes_total", "alidav_storage_up", "alidav_info");

    @TempDir
    Path dir;

    @Test
    void everyNameOfTheHandWrittenExpositionIsStillServed() throws Exception {
        try (PolicyStack stack = new PolicyStack(dir, new PolicyStack.Spec())) {
            stack.put("a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            // one 429 on the listing: the 429 and retry counters get a series too
            stack.sandbox.faults().failNext(1, SandboxServer.API_PREFIX + "openFile/list", FaultPlan.Failure.TOO_MANY_REQUESTS, 10);
            stack.storage.invalidate(DrivePath.ROOT);
            assertEquals(207, stack.send("PROPFIND", "/", "Depth", "1").statusCode());
            String body = new String(stack.send("GET", "/-/metrics").body(), StandardCharsets.UTF_8);
            Set<String> typed = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(body);
            while (m.find()) typed.add(m.group(1));
            Set<String> sampled = new TreeSet<>();
            Matcher s = Pattern.compile("(?m)^([a-z_:][a-z0-9_:]*)[{ ]").matcher(body);
            while (s.find()) sampled.add(s.group(1));
            System.out.println("families: " + typed);
            for (String name : NAMES_BEFORE) {
                assertTrue(typed.contains(name) || typed.contains(name.replaceFirst("_total$", "")), name + " has no # TYPE line:\n" + body);
            }
            assertTrue(sampled.containsAll(List.of("alidav_api_calls_total", "alidav_api_429_total", "alidav_cache_misses_total", "alidav_info")), body);
        }
    }
}

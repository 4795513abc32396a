package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alidav.LongRunning;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playback that survives the cloud: links expiring under a proxied stream, a broken upstream
 * connection, a player's long session on a simulated clock, more downloads than the object
 * storage allows at once, and what reusing upstream streams saves.
 */
@LongRunning
class PlaybackResilienceTest {
    @TempDir
    Path dir;

    @Test
    void proxiedPlaybackSurvivesLinksExpiringEveryTwoSecondsAndABrokenConnection() throws Exception {
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.PROXY;
        try (PolicyStack stack = new PolicyStack(dir, spec)) {
            byte[] content = PolicyStack.bytes(24 << 20, 7);
            stack.put("film.mkv", content);
            ScheduledExecutorService expirer = Executors.newSingleThreadScheduledExecutor();
            expirer.scheduleAtFixedRate(() -> stack.sandbox.faults().expireUrls(), 2, 2, TimeUnit.SECONDS);
            long linksBefore = stack.linkCalls();
            try {
                stack.sandbox.faults().breakNextDownloadAfter(3 << 20);
                // a slow player: the whole file at about 6 MiB/s (4 s), so links expire under it
                HttpRequest req = HttpRequest.newBuilder(URI.create(stack.url("/film.mkv"))).build();
                HttpResponse<InputStream> r = stack.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (InputStream in = r.body()) {
                    byte[] buf = new byte[256 * 1024];
                    int n;
                    long unpaced = 0;
                    while ((n = in.read(buf)) >= 0) {
                        got.write(buf, 0, n);
                        unpaced += n;
                        if (unpaced >= buf.length) {
                            unpaced -= buf.length;
                            Thread.sleep(40);
                        }
                    }
                }
                assertArrayEquals(content, got.toByteArray(), "the client must receive the file byte for byte");
                // then seeks, each a new request, while links keep dying
                Random random = new Random(3);
                for (int i = 0; i < 12; i++) {
                    long first = random.nextInt(content.length - 100_000);
                    HttpResponse<byte[]> part = stack.send("GET", "/film.mkv", "Range", "bytes=" + first + "-" + (first + 99_999));
                    assertEquals(206, part.statusCode());
                    assertArrayEquals(java.util.Arrays.copyOfRange(content, (int) first, (int) first + 100_000), part.body());
                    Thread.sleep(200);
                }
            } finally {
                expirer.shutdownNow();
            }
            long expired = stack.sandbox.stats().count(CallStats.OBJECT_GET, 403);
            System.out.printf("expiry chaos: getDownloadUrl %d, object GETs %d (403 expired %d, dropped %d)%n",
                    stack.linkCalls() - linksBefore, stack.objectGets(), expired, stack.sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED));
            assertTrue(stack.sandbox.stats().count(CallStats.OBJECT_GET, CallStats.DROPPED) >= 1, "the broken connection was not injected");
        }
    }

    @Test
    void aPlayersHourCostsOneLinkPerLinkLife() throws Exception {
        SandboxClock clock = SandboxClock.startingNow();
        PolicyStack.Spec spec = new PolicyStack.Spec().pacedOn(new TestPacingClock());
        spec.clock = clock;
        spec.linkLifetime = Duration.ofMinutes(15);
        spec.storagePolicy = DownloadPolicy.REDIRECT;
        spec.rule("proxy-me", DownloadPolicy.PROXY);
        try (PolicyStack stack = new PolicyStack(dir, spec)) {
            byte[] content = PolicyStack.bytes(4 << 20, 8);
            stack.put("episode.mp4", content);
            stack.put("episode2.mp4", content);
            for (String ua : new String[]{"Infuse/7.0", "proxy-me/1.0"}) {
                String path = ua.startsWith("Infuse") ? "/episode.mp4" : "/episode2.mp4";
                long before = stack.linkCalls();
                Random random = new Random(5);
                for (int i = 0; i < 200; i++) {
                    long first = random.nextInt(content.length - 65_536);
                    String range = "bytes=" + first + "-" + (first + 65_535);
                    HttpResponse<byte[]> r = stack.send("GET", path, "User-Agent", ua, "Range", range);
                    if (r.statusCode() == 302) {
                        r = stack.sendUrl("GET", r.headers().firstValue("Location").orElseThrow(), "Range", range);
                    }
                    assertEquals(206, r.statusCode(), "request " + i + " via " + ua);
                    assertEquals(65_536, r.body().length);
                    clock.advance(Duration.ofSeconds(18)); // 200 x 18 s = 60 minutes
                }
                long calls = stack.linkCalls() - before;
                System.out.printf("player hour via %s: %d getDownloadUrl calls for 200 range requests%n", ua, calls);
                // a redirect needs half a life left, so it links twice per link life; a proxied read once
                assertTrue(calls <= (ua.startsWith("Infuse") ? 9 : 5), calls + " getDownloadUrl calls");
            }
        }
    }

    @Test
    void eightConcurrentDownloadsUnderAnUpstreamCapOfThree() throws Exception {
        // eight links at the official link rate: the driver's pacing and the sandbox's limits on a 4x clock
        FastPacingClock fast = new FastPacingClock(4);
        PolicyStack.Spec spec = new PolicyStack.Spec().pacedOn(fast);
        spec.clock = fast.wallClock();
        spec.storagePolicy = DownloadPolicy.PROXY;
        spec.sandboxConcurrency = 3;
        try (PolicyStack stack = new PolicyStack(dir, spec)) {
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                files.add(PolicyStack.bytes(6 << 20, 100 + i));
                stack.put("f" + i + ".bin", files.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String path = "/f" + i + ".bin";
                    results.add(pool.submit(() -> stack.send("GET", path)));
                }
                for (int i = 0; i < 8; i++) {
                    HttpResponse<byte[]> r = results.get(i).get(2, TimeUnit.MINUTES);
                    assertEquals(200, r.statusCode(), "file " + i);
                    assertArrayEquals(files.get(i), r.body(), "file " + i);
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.printf("8 downloads, cap 3: queued %d, ExceedMaxConcurrency retries %d, object 403s %d, upstream opened %d%n",
                    stack.gate().queued(), stack.gate().busyRetries(), stack.sandbox.stats().count(CallStats.OBJECT_GET, 403),
                    stack.gate().opened());
            assertTrue(stack.gate().active() <= 2);
        }
    }

    @Test
    void sequentialRangesShareOneUpstreamStream() throws Exception {
        long[] gets = new long[2];
        for (int pass = 0; pass < 2; pass++) {
            try (PolicyStack stack = proxied("pass" + pass, pass == 1 ? Map.of("download_reuse_idle", "0s") : Map.of())) {
                byte[] content = PolicyStack.bytes(8 << 20, 9);
                stack.put("seq.bin", content);
                long before = stack.objectGets();
                int chunk = 256 * 1024;
                for (int first = 0; first < content.length; first += chunk) {
                    // players often leave small gaps or overlap a little: start 1 KiB further on now and then
                    int from = first % (1 << 20) == 0 && first > 0 ? first + 1024 : first;
                    HttpResponse<byte[]> r = stack.send("GET", "/seq.bin", "Range", "bytes=" + from + "-" + (first + chunk - 1));
                    assertEquals(206, r.statusCode());
                    assertArrayEquals(java.util.Arrays.copyOfRange(content, from, first + chunk), r.body());
                }
                gets[pass] = stack.objectGets() - before;
            }
        }
        System.out.printf("32 sequential 256 KiB ranges: %d upstream GETs with reuse, %d without%n", gets[0], gets[1]);
        assertTrue(gets[0] <= 2, gets[0] + " upstream GETs with reuse");
        assertEquals(32, gets[1]);
    }

    /**
     * A player that skips 6 MiB ahead at a time: beyond the default window (even counting what the
     * stream read ahead) each range opens a new stream, within a wider one none does.
     */
    @Test
    void rangesSkippingAheadReuseTheStreamWithinDownloadReuseWindow() throws Exception {
        long[] opened = new long[2];
        for (int pass = 0; pass < 2; pass++) {
            try (PolicyStack stack = proxied("window" + pass, pass == 1 ? Map.of("download_reuse_window", 8 << 20) : Map.of())) {
                byte[] content = PolicyStack.bytes(20 << 20, 11);
                stack.put("skip.bin", content);
                long before = stack.gate().opened();
                int chunk = 512 * 1024;
                for (int first = 0; first + chunk <= content.length; first += chunk + (6 << 20)) {
                    HttpResponse<byte[]> r = stack.send("GET", "/skip.bin", "Range", "bytes=" + first + "-" + (first + chunk - 1));
                    assertEquals(206, r.statusCode());
                    assertArrayEquals(java.util.Arrays.copyOfRange(content, first, first + chunk), r.body());
                }
                opened[pass] = stack.gate().opened() - before;
            }
        }
        System.out.printf("4 ranges 6 MiB apart: %d upstream streams with the default 2 MiB window, %d with 8 MiB%n", opened[0], opened[1]);
        assertEquals(4, opened[0]);
        assertEquals(1, opened[1]);
    }

    /** A stack whose storage streams downloads through the server, with {@code driverOptions} added. */
    private PolicyStack proxied(String name, Map<String, Object> driverOptions) throws Exception {
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.PROXY;
        spec.driverOptions.putAll(driverOptions);
        return new PolicyStack(dir.resolve(name), spec);
    }
}

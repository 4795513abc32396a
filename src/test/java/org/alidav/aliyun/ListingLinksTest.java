package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.drive.DrivePath;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads that cost no getDownloadUrl: a small file just listed is read through the link its listing
 * entry carried, in every download mode, and falls back to getDownloadUrl when the link is missing
 * or refused; a 302 never hands out a link with less than half its life left.
 */
class ListingLinksTest {
    static final String PROXY_UA = "proxy-me/1.0";
    static final String REDIRECT_UA = "redirect-me/1.0";

    @TempDir
    Path dir;

    private PolicyStack stack(Clock clock, Duration linkLife) throws Exception {
        return new PolicyStack(dir, spec(clock, linkLife));
    }

    /** A stack on {@code clock}; a clock that moves only when told would freeze the sandbox's rate limits. */
    private static PolicyStack.Spec spec(Clock clock, Duration linkLife) {
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.clock = clock;
        spec.sandboxRateLimits = !(clock instanceof SandboxClock);
        // the same for the driver's pacing: its waits would be real time while the sandbox's stands still
        if (clock instanceof SandboxClock) spec.pacedOn(new TestPacingClock());
        spec.linkLifetime = linkLife;
        spec.storagePolicy = DownloadPolicy.REDIRECT;
        spec.rule("proxy-me", DownloadPolicy.PROXY).rule("redirect-me", DownloadPolicy.REDIRECT);
        return spec;
    }

    /** Drops every cached listing and lists the root again, as a client's first PROPFIND would. */
    private static void listCold(PolicyStack stack) {
        stack.storage.invalidate(DrivePath.parse("/"));
        stack.storage.list(DrivePath.parse("/"));
    }

    @Test
    void aFileJustListedIsReadThroughItsListingLinkInProxyRedirectAndHead() throws Exception {
        try (PolicyStack stack = stack(Clock.systemUTC(), Duration.ofSeconds(900))) {
            byte[] content = PolicyStack.bytes(300_000, 1);
            stack.put("small.bin", content);
            listCold(stack);
            long before = stack.linkCalls();

            HttpResponse<byte[]> proxied = stack.send("GET", "/small.bin", "User-Agent", PROXY_UA);
            assertEquals(200, proxied.statusCode());
            assertArrayEquals(content, proxied.body());
            HttpResponse<byte[]> redirected = stack.send("GET", "/small.bin", "User-Agent", REDIRECT_UA);
            assertEquals(302, redirected.statusCode());
            HttpResponse<byte[]> fetched = stack.sendUrl("GET", redirected.headers().firstValue("Location").orElseThrow());
            assertArrayEquals(content, fetched.body());
            HttpResponse<byte[]> head = stack.send("HEAD", "/small.bin", "User-Agent", REDIRECT_UA);
            assertEquals(200, head.statusCode());
            assertEquals(String.valueOf(content.length), head.headers().firstValue("Content-Length").orElseThrow());

            assertEquals(0, stack.linkCalls() - before, "the listing's link served the proxy, the redirect and HEAD");
        }
    }

    @Test
    void aRefusedOrMissingListingLinkFallsBackToGetDownloadUrl() throws Exception {
        try (PolicyStack stack = stack(Clock.systemUTC(), Duration.ofSeconds(900))) {
            byte[] content = PolicyStack.bytes(200_000, 2);
            stack.put("a.bin", content);
            stack.put("b.bin", content);
            listCold(stack);
            long before = stack.linkCalls();
            long refusedBefore = stack.sandbox.stats().count(CallStats.OBJECT_GET, 403);

            stack.sandbox.faults().expireUrls(); // the listing's links die before their x-oss-expires
            HttpResponse<byte[]> refused = stack.send("GET", "/a.bin", "User-Agent", PROXY_UA);
            assertEquals(200, refused.statusCode());
            assertArrayEquals(content, refused.body());
            assertEquals(1, stack.sandbox.stats().count(CallStats.OBJECT_GET, 403) - refusedBefore, "the listing's link was tried");
            assertEquals(1, stack.linkCalls() - before, "then one fresh link");

            stack.sandbox.faults().withholdFileObjectLinks(true);
            listCold(stack);
            HttpResponse<byte[]> missing = stack.send("GET", "/b.bin", "User-Agent", PROXY_UA);
            assertArrayEquals(content, missing.body());
            assertEquals(2, stack.linkCalls() - before, "no link in the listing: getDownloadUrl as before");
        }
    }

    @Test
    void everyRedirectOverFiveMinutesHasAtLeastHalfItsLinkLifeLeft() throws Exception {
        long least120 = leastLifeLeftOverFiveMinutes(Duration.ofSeconds(120), dir.resolve("120"));
        assertTrue(least120 >= 60, "with 120 s links a redirect handed out a link with " + least120 + " s left");
        // with longer links the old rule (reuse until the 60 s margin) would hand out 60 s, not half the life
        long least300 = leastLifeLeftOverFiveMinutes(Duration.ofSeconds(300), dir.resolve("300"));
        assertTrue(least300 >= 150, "with 300 s links a redirect handed out a link with " + least300 + " s left");
    }

    /** GETs of a listed small file and a large one every 3 s for 5 minutes; the least life any Location had left. */
    private long leastLifeLeftOverFiveMinutes(Duration linkLife, Path at) throws Exception {
        SandboxClock clock = SandboxClock.startingNow();
        PolicyStack.Spec spec = spec(clock, linkLife);
        try (PolicyStack stack = new PolicyStack(at, spec)) {
            stack.put("small.bin", PolicyStack.bytes(100_000, 3));
            stack.put("large.bin", PolicyStack.bytes(6_000_000, 4)); // over 5 MB: no listing link
            listCold(stack);
            long before = stack.linkCalls();
            long leastLeft = Long.MAX_VALUE;
            int redirects = 0;
            for (Instant end = clock.instant().plusSeconds(300); clock.instant().isBefore(end); clock.advance(Duration.ofSeconds(3))) {
                for (String path : new String[]{"/small.bin", "/large.bin"}) {
                    HttpResponse<byte[]> r = stack.send("GET", path, "User-Agent", REDIRECT_UA);
                    assertEquals(302, r.statusCode());
                    long expires = Long.parseLong(HttpUrl.get(r.headers().firstValue("Location").orElseThrow()).queryParameter("x-oss-expires"));
                    leastLeft = Math.min(leastLeft, expires - clock.instant().getEpochSecond());
                    redirects++;
                }
            }
            long calls = stack.linkCalls() - before;
            System.out.printf("302 link life: %d redirects over 300 s of %d s links, least life left %d s, %d getDownloadUrl calls%n",
                    redirects, linkLife.toSeconds(), leastLeft, calls);
            assertTrue(calls <= 2 * (300 / (linkLife.toSeconds() / 2) + 1), calls + " getDownloadUrl calls: about one per half link life and file");
            return leastLeft;
        }
    }
}

package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.alidav.EndToEnd;
import org.alidav.dav.ExternalClient;
import org.alidav.dav.download.DownloadPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real media tools on both policies (ffprobe, and an ffmpeg seek), and a large file read whole
 * through the proxy. How fast the proxy is against a direct download is the benchmark's to measure
 * (its gets section), side by side: a test timing it would fail with the machine's load.
 */
@EndToEnd
class MediaAndLargeReadTest {
    @TempDir
    Path dir;

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + "\n" + out);
        return out.trim();
    }

    @Test
    void ffprobeAndSeekingFfmpegReadAnMp4ThroughRedirectAndProxy() throws Exception {
        ExternalClient.require("ffmpeg");
        ExternalClient.require("ffprobe");
        Path mp4 = dir.resolve("clip.mp4");
        run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=10:size=320x240:rate=25",
                "-c:v", "mpeg4", "-q:v", "5", "-pix_fmt", "yuv420p", mp4.toString()));
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.REDIRECT;
        spec.rule("proxy-me", DownloadPolicy.PROXY);
        try (PolicyStack stack = new PolicyStack(dir.resolve("stack"), spec)) {
            stack.put("clip.mp4", mp4);
            for (String ua : new String[]{"redirect-me", "proxy-me"}) {
                long objectGets = stack.objectGets();
                String url = stack.url("/clip.mp4");
                String duration = run(List.of("ffprobe", "-v", "error", "-user_agent", ua, "-show_entries", "format=duration",
                        "-of", "csv=p=0", url));
                assertEquals(10.0, Double.parseDouble(duration.lines().reduce((a, b) -> b).orElse("0")), 0.2, ua);
                run(List.of("ffmpeg", "-v", "error", "-user_agent", ua, "-ss", "6", "-i", url, "-frames:v", "5", "-f", "null", "-"));
                System.out.printf("ffprobe + ffmpeg -ss via %s: ok, %d object GETs%n", ua, stack.objectGets() - objectGets);
            }
        }
    }

    @Test
    void aLargeFileReadWholeThroughTheProxyArrivesIntact() throws Exception {
        int mib = 64;
        Path file = dir.resolve("big.bin");
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[1 << 20];
            Random random = new Random(11);
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
                sha.update(block);
            }
        }
        String expected = HexFormat.of().formatHex(sha.digest());
        PolicyStack.Spec spec = new PolicyStack.Spec();
        spec.storagePolicy = DownloadPolicy.PROXY;
        try (PolicyStack stack = new PolicyStack(dir.resolve("stack"), spec)) {
            stack.put("big.bin", file);
            Files.delete(file);
            assertIntact(stack.url("/big.bin"), expected, (long) mib << 20);
        }
    }

    /** Reads {@code url} whole: 200, {@code size} bytes, SHA-1 {@code sha1}. */
    private static void assertIntact(String url, String sha1, long size) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("User-Agent", "bench");
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        long total = 0;
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
                total += n;
            }
        }
        assertEquals(size, total);
        assertEquals(sha1, HexFormat.of().formatHex(sha.digest()));
    }
}

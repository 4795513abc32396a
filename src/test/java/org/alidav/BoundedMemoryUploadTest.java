package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PUT much larger than the server's heap: the server runs in its own JVM limited to 64 MiB and
 * must stream the body to disk, whatever its size (chunked here, so no length is known up front).
 */
class BoundedMemoryUploadTest {
    private static final long SIZE = 768L * 1024 * 1024;
    private static final Pattern URL = Pattern.compile("serving WebDAV at (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void uploadTwelveTimesTheHeapThroughALimitedJvm() throws Exception {
        Path config = Files.writeString(dir.resolve("alidav.yaml"), "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data")
                + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "'}\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "org.alidav.Main", "--config", config.toString())).redirectErrorStream(true).start();
        try {
            String base = awaitUrl(server);
            GeneratedBody sent = new GeneratedBody(SIZE, 99);
            HttpRequest put = HttpRequest.newBuilder(URI.create(base + "big.bin")).timeout(Duration.ofMinutes(5))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> sent)).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            assertTrue(server.isAlive(), "the server survived");
            Path stored = dir.resolve("files/big.bin");
            assertEquals(SIZE, Files.size(stored));
            MessageDigest got = MessageDigest.getInstance("SHA-1");
            try (InputStream in = new DigestInputStream(Files.newInputStream(stored), got)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(sent.sha1(), HexFormat.of().formatHex(got.digest()));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitUrl(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }
}

package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PUT much larger than the server's heap: the server runs in its own JVM limited to 64 MiB and
 * must stream the body to disk, whatever its size (chunked here, so no length is known up front).
 */
@EndToEnd
@LongRunning
class BoundedMemoryUploadTest {
    private static final long SIZE = 768L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void uploadTwelveTimesTheHeapThroughALimitedJvm() throws Exception {
        Path config = Files.writeString(dir.resolve("alidav.yaml"), TestApp.localYaml(dir, 0));
        try (ChildServer server = ChildServer.start(config, "-Xmx64m")) {
            GeneratedBody sent = new GeneratedBody(SIZE, 99);
            HttpRequest put = HttpRequest.newBuilder(URI.create(server.url + "/big.bin")).timeout(Duration.ofMinutes(5))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> sent)).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            assertTrue(server.process.isAlive(), "the server survived");
            Path stored = dir.resolve("files/big.bin");
            assertEquals(SIZE, Files.size(stored));
            MessageDigest got = MessageDigest.getInstance("SHA-1");
            try (InputStream in = new DigestInputStream(Files.newInputStream(stored), got)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(sent.sha1(), HexFormat.of().formatHex(got.digest()));
        }
    }
}

package org.alidav.dav.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.alidav.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nextcloud's {@code PATCH} with {@code X-Recalculate-Hash}, as a sync client sends it after setting a file's time. */
class ChecksumRecalculationHttpTest {
    @TempDir
    Path dir;

    @Test
    void aFileWhoseSha1TheStorageKnowsIsAnsweredAsNextcloudDoes() throws Exception {
        try (TestApp app = TestApp.sandbox(dir)) {
            assertEquals(201, app.send("PUT", "/a.txt", "hello").statusCode());
            HttpResponse<String> patch = app.send("PATCH", "/a.txt", "", "X-Recalculate-Hash", "SHA1");
            System.out.printf("PATCH X-Recalculate-Hash: SHA1 -> %d, OC-Checksum %s%n", patch.statusCode(),
                    patch.headers().firstValue("OC-Checksum").orElse("-"));
            assertEquals(204, patch.statusCode());
            assertEquals(Optional.of("SHA1:" + sha1("hello")), patch.headers().firstValue("OC-Checksum"));
            assertEquals("", patch.body());

            assertEquals(400, app.send("PATCH", "/a.txt", "", "X-Recalculate-Hash", "md5").statusCode(), "only SHA-1 is known");
            assertEquals(201, app.send("MKCOL", "/d", "").statusCode());
            assertEquals(405, app.send("PATCH", "/d", "", "X-Recalculate-Hash", "sha1").statusCode());
            assertEquals(404, app.send("PATCH", "/missing.txt", "", "X-Recalculate-Hash", "sha1").statusCode());
            assertEquals(501, app.send("PATCH", "/a.txt", "some patch").statusCode(), "a PATCH of content is not implemented");
        }
    }

    @Test
    void aFileWhoseSha1IsNotKnownIsAnsweredWithoutAChecksum() throws Exception {
        try (TestApp app = TestApp.local(dir, "")) {
            Files.createDirectories(dir.resolve("files"));
            Files.writeString(dir.resolve("files").resolve("disk.txt"), "put there by hand");
            HttpResponse<String> patch = app.send("PATCH", "/disk.txt", "", "X-Recalculate-Hash", "sha1");
            assertEquals(200, patch.statusCode());
            assertEquals(Optional.empty(), patch.headers().firstValue("OC-Checksum"));
            assertTrue(patch.body().contains("does not know its SHA-1"), patch.body());
        }
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

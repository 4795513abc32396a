package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alidav.GeneratedBody;
import org.alidav.TestApp;
import org.alidav.drive.Driver;
import org.alidav.drive.Upload;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY between two AliyunDrive mounts of a file whose SHA-1 the source knows: the target offers the
 * hash and proves it with one 8-byte read of the source; the body is streamed only on a miss.
 */
class CrossMountCopyTest {
    private static final long SIZE = 100L << 20;

    @TempDir
    Path dir;

    @Test
    void aHundredMegabyteFileTheDriveHoldsIsCopiedReadingAtMostEightBytes() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            Driver writer = SandboxDrivers.driver(sandbox, dir.resolve("writer"), sandbox.issueRefreshToken("source"), Map.of());
            GeneratedBody body = new GeneratedBody(SIZE, 13);
            writer.put(writer.root(), "big.bin", new Upload(body, SIZE, null, null, null));
            writer.close();
            // the target account's drive already holds the content (the service indexes content by hash)
            Driver target = SandboxDrivers.driver(sandbox, dir.resolve("target"), sandbox.issueRefreshToken("target"), Map.of());
            target.put(target.root(), "same-content.bin", new Upload(new GeneratedBody(SIZE, 13), SIZE, null, null, null));
            target.close();

            String yaml = SandboxMounts.yaml(dir.resolve("data"),
                    SandboxMounts.storage(sandbox, "/a", sandbox.issueRefreshToken("source"), Map.of()),
                    SandboxMounts.storage(sandbox, "/b", sandbox.issueRefreshToken("target"), Map.of()));
            try (TestApp app = TestApp.start(dir, yaml, false)) {
                sandbox.stats().reset();
                assertEquals(201, app.send("COPY", "/a/big.bin", (String) null, "Destination", app.url("/b/big.bin")).statusCode());
                long read = sandbox.stats().downloadedBytes();
                List<CallStats.ObjectRead> reads = sandbox.stats().objectReads();
                System.out.printf("cross-mount copy of %d MB: %d bytes read from the source in %d object reads %s%n",
                        SIZE >> 20, read, reads.size(), reads);
                assertTrue(read <= 8, read + " bytes read from the source");
                assertEquals(1, reads.size(), reads.toString());
                assertEquals(0, sandbox.stats().uploadedPartBytes(), "no part was sent");
                assertEquals(1, sandbox.items("target").stream()
                        .filter(i -> i.name().equals("big.bin") && i.status() == StoredItem.Status.LIVE).count());
                assertTrue(app.send("PROPFIND", "/b/big.bin", "", "Depth", "0").body().contains("<d:getcontentlength>" + SIZE + "<"));
            }
        }
    }

    @Test
    void onAMissTheBodyIsStreamedIntoTheParts() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            Driver d = SandboxDrivers.driver(sandbox, dir.resolve("state"), sandbox.issueRefreshToken("miss"), Map.of("part_size", 102400));
            long size = 300 * 1024;
            byte[] content = new GeneratedBody(size, 5).readAllBytes();
            java.util.concurrent.atomic.AtomicLong probed = new java.util.concurrent.atomic.AtomicLong();
            org.alidav.drive.ContentProbe probe = (offset, length) -> {
                probed.addAndGet(length);
                return java.util.Arrays.copyOfRange(content, (int) offset, (int) offset + length);
            };
            var written = d.put(d.root(), "new.bin", new Upload(new java.io.ByteArrayInputStream(content), size, null,
                    GeneratedBody.sha1Of(size, 5), null, probe));
            assertEquals(size, written.size());
            assertEquals(size, sandbox.stats().uploadedPartBytes(), "the body went up in parts");
            assertTrue(probed.get() <= 8, probed + " bytes probed");
            d.close();
        }
    }

    @Test
    void twoMountsOfOneDriveCopyOnTheServersSide() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build())) {
            Driver writer = SandboxDrivers.driver(sandbox, dir.resolve("writer"), sandbox.issueRefreshToken("one"), Map.of());
            long size = 200 * 1024;
            writer.put(writer.root(), "x.bin", new Upload(new GeneratedBody(size, 3), size, null, null, null));
            String folderId = writer.mkdir(writer.root(), "inner").id();
            writer.close();
            String yaml = SandboxMounts.yaml(dir.resolve("data"),
                    SandboxMounts.storage(sandbox, "/a", sandbox.issueRefreshToken("one"), Map.of()),
                    SandboxMounts.storage(sandbox, "/b", sandbox.issueRefreshToken("one"), Map.of("root_folder_id", folderId)));
            try (TestApp app = TestApp.start(dir, yaml, false)) {
                sandbox.stats().reset();
                assertEquals(201, app.send("COPY", "/a/x.bin", (String) null, "Destination", app.url("/b/x.bin")).statusCode());
                assertEquals(204, app.send("COPY", "/a/x.bin", (String) null, "Destination", app.url("/b/x.bin")).statusCode(),
                        "over the copy, side by side");
                CallStats stats = sandbox.stats();
                assertEquals(2, stats.count(SandboxServer.API_PREFIX + "openFile/copy"), stats.toString());
                assertEquals(0, stats.count(SandboxServer.API_PREFIX + "openFile/create"), stats.toString());
                assertEquals(0, stats.count(CallStats.OBJECT_GET) + stats.uploadedPartBytes(), "no byte through this server: " + stats);
                assertEquals(1, sandbox.items("one").stream()
                        .filter(i -> i.name().equals("x.bin") && folderId.equals(i.parentId()) && i.status() == StoredItem.Status.LIVE).count());
            }
        }
    }
}

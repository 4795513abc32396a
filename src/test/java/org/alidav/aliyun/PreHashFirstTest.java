package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alidav.drive.ByteRange;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Maintained;
import org.alidav.drive.Upload;
import org.alidav.drive.remote.Spool;
import org.alidav.drive.remote.SpoolGauge;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rapid upload with a known size and no client checksum asks with the pre-hash first: new content
 * goes out part by part as the body arrives (never spooled whole), a matching pre-hash still makes a
 * rapid upload, and content that shares only its first 1 KiB with a stored file is uploaded intact.
 */
class PreHashFirstTest {
    static final String CREATE = SandboxServer.API_PREFIX + "openFile/create";
    static final int PART = 256 * 1024;
    static final int SIZE = 6 * PART + 123;
    static final String USER = "u";

    @TempDir
    Path dir;
    SandboxServer sandbox;
    Driver driver;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(Files.createDirectories(dir.resolve("sandbox")))
                .rateLimits(false).listUnfinishedUploads(true).build());
        driver = SandboxDrivers.driver(sandbox, dir.resolve("state"), sandbox.issueRefreshToken(USER),
                Map.of("rapid_upload", true, "part_size", PART));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Entry put(String name, byte[] content) {
        return driver.put(driver.root(), name, new Upload(new ByteArrayInputStream(content), content.length, null, null, null));
    }

    private byte[] read(Entry file) throws Exception {
        try (InputStream in = driver.open(file, ByteRange.whole(file.size()))) {
            return in.readAllBytes();
        }
    }

    @Test
    void newContentIsStreamedPartByPartWithOneCreate() throws Exception {
        byte[] content = PolicyStack.bytes(SIZE, 1);
        sandbox.stats().reset();
        SpoolGauge spooled = Spool.gauge(dir.resolve("state/spool"));
        spooled.resetPeak();
        Entry file = put("new.bin", content);
        long peak = spooled.peak();
        System.out.printf("pre-hash first, new content of %d bytes: spool peak %d bytes (part %d)%n", SIZE, peak, PART);
        assertTrue(peak <= PART, "at most one part buffered, as without rapid upload: peak " + peak);
        assertEquals(0, spooled.held());
        assertEquals(1, sandbox.stats().count(CREATE), "the pre-hash create gave the part URLs");
        assertEquals(SIZE, sandbox.stats().uploadedPartBytes());
        assertArrayEquals(content, read(file));
    }

    @Test
    void aMatchingPreHashStillMakesARapidUpload() throws Exception {
        byte[] content = PolicyStack.bytes(SIZE, 2);
        put("first.bin", content);
        sandbox.stats().reset();
        Entry copy = put("second.bin", content);
        assertEquals(2, sandbox.stats().count(CREATE), "pre-hash, then hash and proof");
        assertEquals(0, sandbox.stats().count(CallStats.OBJECT_PUT), "no byte sent");
        assertArrayEquals(content, read(copy));
    }

    @Test
    void contentSharingOnlyItsFirstKibWithAStoredFileIsUploadedIntact() throws Exception {
        byte[] stored = PolicyStack.bytes(SIZE, 3);
        put("stored.bin", stored);
        byte[] collision = PolicyStack.bytes(SIZE, 4);
        System.arraycopy(stored, 0, collision, 0, Uploader.PRE_HASH_BYTES);
        sandbox.stats().reset();
        Entry file = put("collision.bin", collision);
        assertEquals(2, sandbox.stats().count(CREATE), "the pre-hash matched, the full hash did not");
        assertEquals(SIZE, sandbox.stats().uploadedPartBytes());
        assertArrayEquals(collision, read(file));
        assertArrayEquals(stored, read(driver.list(driver.root()).stream().filter(e -> e.name().equals("stored.bin")).findFirst().orElseThrow()));
    }

    /**
     * Listings show upload sessions here (the sandbox's other reading), so what a lost create made can be
     * found: the answer is lost on a reused connection, the session it opened is looked for and removed,
     * and the create is sent again (CreateResend), so the upload ends with one file and nothing behind.
     */
    @Test
    void aLostAnswerToThePreHashCreateIsLookedForAndNothingIsLeftBehind() throws Exception {
        byte[] content = PolicyStack.bytes(SIZE, 5);
        sandbox.faults().dropConnectionAfterNext(CREATE);
        put("lost.bin", content);
        assertEquals(List.of(), sandbox.unfinishedUploads(USER), "the session the pre-hash create opened was found and removed");
        assertEquals(1, driver.list(driver.root()).stream().filter(e -> e.name().equals("lost.bin")).count());
        assertEquals(List.of(), ((Maintained) driver).maintain(), "nothing left to repair");
    }
}

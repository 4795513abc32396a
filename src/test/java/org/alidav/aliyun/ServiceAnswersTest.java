package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.StoredItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the driver reads what only the real service answers: object-storage redirects, empty success bodies. */
class ServiceAnswersTest {
    private static final String API = SandboxServer.API_PREFIX + "openFile/";
    private static final String USER = "answers";
    private static final String UA = "answers-test-agent";

    @TempDir
    Path dir;
    SandboxServer sandbox;
    CallStats stats;
    final List<Driver> drivers = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir.resolve("sandbox")).rateLimits(false).build());
        stats = sandbox.stats();
    }

    @AfterEach
    void stop() {
        drivers.forEach(Driver::close);
        sandbox.close();
    }

    private Driver driver(Map<String, Object> overrides) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("user_agent", UA, "download_reuse_idle", "0s", "retry_backoff", "10ms"));
        o.putAll(overrides);
        Driver d = SandboxDrivers.driver(sandbox, dir.resolve("state"), sandbox.issueRefreshToken(USER), o);
        drivers.add(d);
        d.list(d.root());
        return d;
    }

    private static Entry put(Driver d, String name, byte[] body) {
        return d.put(d.root(), name, new Upload(new ByteArrayInputStream(body), body.length, null, null, null));
    }

    private static byte[] read(Driver d, Entry file, ByteRange range) throws IOException {
        try (InputStream in = d.open(file, range)) {
            return in.readAllBytes();
        }
    }

    @Test
    void objectRedirectsOfEachKindAreFollowedForThreeHopsKeepingRangeAndUserAgent() throws IOException {
        Driver d = driver(Map.of());
        byte[] body = new byte[1000];
        Arrays.fill(body, (byte) 'x');
        body[500] = 'y';
        Entry file = put(d, "r.bin", body);
        for (int status : new int[] {301, 302, 307, 308}) {
            stats.reset();
            sandbox.faults().inject(Fault.redirect(CallStats.OBJECT_GET, status).times(3));
            assertArrayEquals(Arrays.copyOfRange(body, 500, 510), read(d, file, new ByteRange(500, 509)), "after three " + status + "s");
            assertEquals(3, stats.count(CallStats.OBJECT_GET, status), stats.toString());
            List<CallStats.ObjectRead> reads = stats.objectReads();
            assertEquals(4, reads.size(), reads.toString());
            for (CallStats.ObjectRead r : reads) {
                assertEquals("bytes=500-", r.range(), "every hop asks for the same range");
                assertEquals(UA, r.userAgent());
                assertNull(r.referer());
            }
        }
        stats.reset();
        sandbox.faults().inject(Fault.redirect(CallStats.OBJECT_GET, 302).times(4));
        DriveException e = assertThrows(DriveException.class, () -> read(d, file, new ByteRange(0, 9)));
        assertEquals(DriveException.Kind.UPSTREAM, e.kind(), e.toString());
        assertEquals(4, stats.count(CallStats.OBJECT_GET, 302), "a fourth redirect is not followed: " + stats);
        sandbox.faults().clear();
    }

    @Test
    void anEmptySuccessBodyReadsAsAnEmptyObjectWithoutLookingTheWriteUp() {
        for (String way : new String[] {"trash", "delete"}) {
            Driver d = driver(Map.of("remove_way", way));
            Entry file = put(d, way + ".txt", new byte[] {1, 2, 3});
            stats.reset();
            String endpoint = API + (way.equals("trash") ? "recyclebin/trash" : "delete");
            sandbox.faults().inject(Fault.emptyBody(endpoint));
            d.remove(file);
            assertEquals(1, stats.count(endpoint, 200), stats.toString());
            assertEquals(0, stats.count(API + "get"), "the answer was success, nothing to look up: " + stats);
            assertEquals(List.of(), d.list(d.root()).stream().filter(e -> e.name().equals(file.name())).toList());
        }
    }

    @Test
    void aWrongChecksumWhoseHashTheDriveHoldsIsAChecksumMismatchLeavingNothing() throws Exception {
        Driver d = driver(Map.of("rapid_upload", true));
        byte[] stored = new byte[300 * 1024];
        byte[] other = new byte[stored.length];
        new java.util.Random(1).nextBytes(stored);
        new java.util.Random(2).nextBytes(other);
        put(d, "stored.bin", stored);
        String storedSha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(stored));
        stats.reset();

        DriveException e = assertThrows(DriveException.class, () -> d.put(d.root(), "claimed.bin",
                new Upload(new ByteArrayInputStream(other), other.length, null, storedSha1, null)));
        assertEquals(DriveException.Kind.CONFLICT, e.kind(), e.toString());
        assertEquals(true, e.getMessage().contains("OC-Checksum"), e.getMessage());
        assertEquals(1, stats.count(API + "create", 400), "the service refused the proof: " + stats);
        assertEquals(List.of("stored.bin"), sandbox.items(USER).stream().filter(i -> !i.folder()).map(i -> i.name()).toList(),
                "nothing left behind");
    }

    @Test
    void theCleanupOfAFailedUploadThatBecameVisibleFollowsRemoveWay() {
        for (String way : new String[] {"trash", "delete"}) {
            Driver d = driver(Map.of("remove_way", way));
            // complete is applied, and then answers a size other than the one sent: the write fails
            sandbox.faults().inject(Fault.json(API + "complete", 200, "{\"file_id\":\"x\",\"size\":1}").after());
            String name = "failed-" + way + ".bin";
            DriveException e = assertThrows(DriveException.class, () -> put(d, name, new byte[10]));
            assertEquals(DriveException.Kind.UPSTREAM, e.kind(), e.toString());
            List<StoredItem.Status> left = sandbox.items(USER).stream().filter(i -> i.name().equals(name)).map(StoredItem::status).toList();
            assertEquals(way.equals("trash") ? List.of(StoredItem.Status.TRASHED) : List.of(), left, way);
        }
    }
}

package org.alidav.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alidav.GeneratedBody;
import org.alidav.LongRunning;
import org.alidav.TestFiles;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.QuotaReporter;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance points of the AliyunDrive Open driver, measured with the emulator's call counters:
 * token expiry and rotation, large streamed uploads, rapid upload, failed overwrites, trash vs delete.
 * The official rate limits are on and the driver runs with its default pacing.
 */
@LongRunning
class OpenDriverAcceptanceTest {
    private static final String API = SandboxServer.API_PREFIX;
    private static final String OAUTH = "/oauth/access_token";
    private static final String LIST = API + "openFile/list";
    private static final String SPACE = API + "user/getSpaceInfo";
    private static final String CREATE = API + "openFile/create";
    private static final String COMPLETE = API + "openFile/complete";
    private static final String UPLOAD_URL = API + "openFile/getUploadUrl";
    private static final long GIB = 1L << 30;
    private static final String USER = "accept";

    @TempDir
    Path state;
    Path sandboxDir;
    SandboxServer sandbox;
    CallStats stats;
    String configToken;
    final List<Driver> drivers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sandboxDir = Files.createTempDirectory("sandbox-acceptance");
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).build());
        stats = sandbox.stats();
        configToken = sandbox.issueRefreshToken(USER);
    }

    @AfterEach
    void stop() throws IOException {
        drivers.forEach(Driver::close);
        sandbox.close();
        TestFiles.deleteTree(sandboxDir);
    }

    /** A driver on the test's state dir and config token, already past its first refresh and drive lookup. */
    private Driver driver(Map<String, Object> overrides) {
        Driver d = SandboxDrivers.driver(sandbox, state, configToken, overrides);
        drivers.add(d);
        d.list(d.root());
        stats.reset();
        return d;
    }

    @Test
    void anExpiredAccessTokenCostsOneRefreshAndOneRetry() {
        Driver d = driver(Map.of());
        sandbox.faults().expireAccessTokens();
        d.list(d.root());
        assertEquals(1, stats.count(OAUTH), stats.toString());
        assertEquals(1, stats.count(LIST, 401), stats.toString());
        assertEquals(1, stats.count(LIST, 200), stats.toString());
        assertEquals(3, stats.total(), "nothing else: " + stats);
    }

    @Test
    void tenConcurrentCallsOnAnExpiredTokenShareOneRefresh() throws Exception {
        QuotaReporter d = (QuotaReporter) driver(Map.of());
        sandbox.faults().expireAccessTokens();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) calls.add(pool.submit(() -> {
                go.await();
                return d.quota();
            }));
            go.countDown();
            for (Future<?> f : calls) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stats.count(OAUTH), stats.toString());
        assertEquals(10, stats.count(SPACE, 200), stats.toString());
        assertTrue(stats.count(SPACE, 401) >= 1, "the expiry was noticed: " + stats);
    }

    @Test
    void aRestartedDriverUsesTheRotatedTokenFromItsStateFile() {
        Driver first = driver(Map.of()); // refreshed once: the config token is consumed
        first.close();
        sandbox.faults().expireAccessTokens(); // the restarted driver must refresh

        Driver restarted = SandboxDrivers.driver(sandbox, state, configToken, Map.of());
        drivers.add(restarted);
        restarted.list(restarted.root());
        assertEquals(1, stats.count(OAUTH, 200), "refreshed with the rotated token: " + stats);
        assertEquals(0, stats.count(OAUTH) - stats.count(OAUTH, 200), stats.toString());

        // the control: without the state file the consumed config token is refused
        Driver stateless = SandboxDrivers.driver(sandbox, state.resolve("elsewhere"), configToken, Map.of());
        drivers.add(stateless);
        DriveException e = assertThrows(DriveException.class, () -> stateless.list(stateless.root()));
        assertEquals(DriveException.Kind.NOT_LOGGED_IN, e.kind(), e.toString());
    }

    @Test
    void aRestartedSandboxAcceptsTheDriversTokens() {
        Driver d = driver(Map.of());
        int port = sandbox.port();
        sandbox.close();
        sandbox = SandboxServer.start(sandbox.options().toBuilder().port(port).build());
        stats = sandbox.stats();
        d.list(d.root());
        assertEquals(0, stats.count(OAUTH), "the access token survived: " + stats);

        sandbox.faults().expireAccessTokens();
        Driver restarted = SandboxDrivers.driver(sandbox, state, configToken, Map.of());
        drivers.add(restarted);
        restarted.list(restarted.root());
        assertEquals(1, stats.count(OAUTH, 200), "the rotated refresh token survived: " + stats);
    }

    @Test
    void aGibUploadStreamsOnePartAtATimeSurvivesAFailedPartAndIsRapidTheSecondTime() throws Exception {
        Driver d = driver(Map.of());
        long partSize = PartSizer.DEFAULT_PART;
        GeneratedBody body = new GeneratedBody(GIB, 1).at(GIB / 2, at -> sandbox.faults().failNextPartUploads(1));
        SpoolGauge spooled = Spool.gauge(spoolDir());
        spooled.resetPeak();
        long start = System.nanoTime();
        Entry file = d.put(d.root(), "big.bin", new Upload(body, GIB, null, null, null));
        long uploadMillis = (System.nanoTime() - start) / 1_000_000;
        long peak = spooled.peak();

        assertEquals(1, stats.count(CREATE), stats.toString());
        assertEquals(1, stats.count(COMPLETE), stats.toString());
        assertEquals(0, stats.count(UPLOAD_URL), "no URL expired: " + stats);
        int parts = PartSizer.partCount(GIB, partSize);
        assertEquals(1, stats.count(CallStats.OBJECT_PUT, 500), "the injected failure happened: " + stats);
        assertEquals(parts, stats.count(CallStats.OBJECT_PUT, 200), stats.toString());
        assertEquals(GIB, stats.uploadedPartBytes());
        assertTrue(peak > 0 && peak <= partSize, "spooled at most one part at a time, peak " + peak);
        assertEquals(0, spooled.held(), "every spool released");
        assertEquals(GIB, file.size());
        String sha1 = body.sha1();
        start = System.nanoTime();
        assertEquals(sha1, sha1Of(d, file));
        long downloadMillis = (System.nanoTime() - start) / 1_000_000;

        Driver rapid = SandboxDrivers.driver(sandbox, state, configToken, Map.of("rapid_upload", true));
        drivers.add(rapid);
        stats.reset();
        start = System.nanoTime();
        Entry copy = rapid.put(rapid.root(), "big again.bin", new Upload(new GeneratedBody(GIB, 1), GIB, null, null, null));
        long rapidMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, stats.uploadedPartBytes(), stats.toString());
        assertEquals(0, stats.count(CallStats.OBJECT_PUT), stats.toString());
        assertEquals(2, stats.count(CREATE), "pre-hash, then hash and proof: " + stats);
        assertEquals(1, stats.count(COMPLETE), stats.toString());
        assertEquals(GIB, copy.size());
        assertEquals(sha1, sha1Of(rapid, copy));
        System.out.printf("1 GiB: upload %d ms (%d parts, spool peak %d bytes), download+SHA-1 %d ms, rapid %d ms%n",
                uploadMillis, parts, peak, downloadMillis, rapidMillis);
    }

    @Test
    void expiredUploadUrlsCostOneGetUploadUrl() throws Exception {
        Driver d = driver(Map.of("part_size", 102400));
        long size = 10 * 102400 + 17;
        GeneratedBody body = new GeneratedBody(size, 2).at(size / 2, at -> sandbox.faults().expireUrls());
        Entry file = d.put(d.root(), "renewed.bin", new Upload(body, size, null, null, null));
        assertEquals(1, stats.count(UPLOAD_URL), stats.toString());
        assertEquals(1, stats.count(CallStats.OBJECT_PUT, 403), stats.toString());
        assertEquals(body.sha1(), sha1Of(d, file));
    }

    @Test
    void aFailedOverwriteKeepsTheOldContentAndLeavesNothingBehind() throws Exception {
        Driver d = driver(Map.of("part_size", 102400));
        long size = 5 * 102400;
        GeneratedBody v1 = new GeneratedBody(size, 3);
        Entry old = d.put(d.root(), "keep.bin", new Upload(v1, size, null, null, null));
        Set<Path> spoolsBefore = spoolFiles();

        // every attempt of the third part fails
        GeneratedBody failing = new GeneratedBody(size, 4).at(2 * 102400, at -> sandbox.faults().failNextPartUploads(PartUploader.ATTEMPTS));
        assertThrows(DriveException.class, () -> d.put(d.root(), "keep.bin", new Upload(failing, size, null, null, old)));
        assertUnchanged(d, old, v1.sha1(), spoolsBefore);

        // the body breaks half way
        InputStream broken = new GeneratedBody(size, 5).at(size / 2, at -> {
            throw new java.io.UncheckedIOException(new IOException("client went away"));
        });
        InputStream breaking = new java.io.FilterInputStream(broken) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        };
        assertThrows(DriveException.class, () -> d.put(d.root(), "keep.bin", new Upload(breaking, size, null, null, old)));
        assertUnchanged(d, old, v1.sha1(), spoolsBefore);
    }

    private void assertUnchanged(Driver d, Entry old, String sha1, Set<Path> spoolsBefore) throws IOException {
        List<String> names = d.list(d.root()).stream().map(Entry::name).toList();
        assertEquals(List.of("keep.bin"), names, "no stray entry");
        assertEquals(old.id(), d.list(d.root()).get(0).id());
        assertEquals(sha1, sha1Of(d, old));
        assertEquals(Set.of(), difference(spoolFiles(), spoolsBefore), "no spool file left in " + spoolDir());
        assertEquals(List.of(), sandbox.trashedNames(USER), "the abandoned upload was deleted, not trashed");
    }

    @Test
    void removeWayTrashFillsTheRecycleBinAndDeleteDoesNot() {
        Driver trashing = driver(Map.of("remove_way", "trash"));
        Driver deleting = SandboxDrivers.driver(sandbox, state.resolve("delete"), sandbox.issueRefreshToken(USER),
                Map.of("remove_way", "delete"));
        drivers.add(deleting);
        Entry root = trashing.root();
        Entry a = trashing.put(root, "trashed.txt", new Upload(new GeneratedBody(10, 6), 10, null, null, null));
        Entry folder = trashing.mkdir(root, "trashed folder");
        Entry b = deleting.put(root, "deleted.txt", new Upload(new GeneratedBody(10, 7), 10, null, null, null));
        Entry gone = deleting.mkdir(root, "deleted folder");

        trashing.remove(a);
        trashing.remove(folder);
        deleting.remove(b);
        deleting.remove(gone);
        assertEquals(List.of("trashed folder", "trashed.txt"), sandbox.trashedNames(USER));
        assertEquals(List.of(), trashing.list(root), "both ways take the items out of the folder");
        assertEquals(2, stats.count(API + "openFile/recyclebin/trash", 200), stats.toString());
        assertEquals(2, stats.count(API + "openFile/delete", 200), stats.toString());
    }

    private static String sha1Of(Driver d, Entry file) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = d.open(file, ByteRange.whole(file.size()))) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) >= 0; ) sha1.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** Where {@link SandboxDrivers} puts the drivers' spool files. */
    private Path spoolDir() {
        return state.resolve("spool");
    }

    private Set<Path> spoolFiles() throws IOException {
        if (!Files.isDirectory(spoolDir())) return Set.of();
        try (Stream<Path> s = Files.list(spoolDir())) {
            return s.filter(p -> p.getFileName().toString().startsWith("alidav-upload-")).collect(Collectors.toSet());
        }
    }

    private static Set<Path> difference(Set<Path> a, Set<Path> b) {
        return a.stream().filter(p -> !b.contains(p)).collect(Collectors.toSet());
    }
}

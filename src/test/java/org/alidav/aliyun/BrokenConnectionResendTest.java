package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alidav.TestFiles;
import org.alidav.drive.Driver;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.Fault;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.sandbox.StoredItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A create whose pooled connection the cloud closes after reading the request and before answering
 * (the sandbox's dropped-connection fault on a connection the driver reuses: a listing went first on
 * it). The driver looks in the folder, then resends only when nothing usable was made: each case ends
 * with exactly one file of the name and a success for the caller.
 */
class BrokenConnectionResendTest {
    private static final String USER = "broken";
    private static final String CREATE = "/adrive/v1.0/openFile/create";
    private static final String MOVE = "/adrive/v1.0/openFile/move";
    private static final String UPDATE = "/adrive/v1.0/openFile/update";
    private static final String TRASH = "/adrive/v1.0/openFile/recyclebin/trash";

    @TempDir
    Path state;

    private Path sandboxDir;
    private SandboxServer sandbox;
    private Driver driver;

    private void start(boolean listUnfinishedUploads, boolean rapidUpload) throws Exception {
        sandboxDir = Files.createTempDirectory("sandbox-broken");
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).rateLimits(false)
                .listUnfinishedUploads(listUnfinishedUploads).build());
        driver = SandboxDrivers.driver(sandbox, state, sandbox.issueRefreshToken(USER), Map.of("rapid_upload", rapidUpload));
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) driver.close();
        if (sandbox != null) sandbox.close();
        if (sandboxDir != null) TestFiles.deleteTree(sandboxDir);
    }

    @Test
    void aCreateDroppedBeforeProcessingIsResentAndMakesOneFile() throws Exception {
        start(true, false);
        Entry written = putOnReusedConnection(Fault.drop(CREATE), "before.bin", 3000, null);
        report("dropped before processing");
        assertEquals(3000, written.size());
        assertEquals(List.of("before.bin"), liveFiles());
        assertEquals(1, sandbox.stats().count(CREATE, CallStats.DROPPED));
        assertEquals(2, sandbox.stats().count(CREATE), "sent, then resent after looking");
    }

    /**
     * Where listings show upload sessions, the one the first create made is found and removed; where
     * they hide it, it is left to expire. Either way the resent create makes the one visible file.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSessionMadeBeforeTheDropIsRemovedOrLeftAndTheCreateResent(boolean sessionsListed) throws Exception {
        start(sessionsListed, false);
        Entry written = putOnReusedConnection(Fault.drop(CREATE).after(), "after.bin", 3000, null);
        report("dropped after processing, sessions " + (sessionsListed ? "listed" : "hidden"));
        assertEquals(3000, written.size());
        assertEquals(List.of("after.bin"), liveFiles());
        assertEquals(sessionsListed ? 0 : 1, count(StoredItem.Status.UPLOADING));
    }

    @Test
    void aRapidUploadMadeBeforeTheDropIsFoundAndNotResent() throws Exception {
        start(false, true);
        byte[] body = content(200 * 1024);
        driver.put(driver.root(), "source.bin", new Upload(new ByteArrayInputStream(body), body.length, null, null, null));
        String sha1 = sandbox.items(USER).stream().filter(i -> i.name().equals("source.bin")).findFirst().orElseThrow().contentHash();
        long createsBefore = sandbox.stats().count(CREATE);
        Entry written = putOnReusedConnection(Fault.drop(CREATE).after(), "rapid.bin", body.length, sha1);
        report("rapid upload dropped after processing");
        assertEquals(body.length, written.size());
        assertEquals(List.of("rapid.bin", "source.bin"), liveFiles());
        assertEquals(1, sandbox.stats().count(CREATE) - createsBefore, "found by looking, not sent again");
    }

    @Test
    void aFolderCreateDroppedBeforeProcessingIsResent() throws Exception {
        start(false, false);
        driver.list(driver.root());
        sandbox.faults().inject(Fault.drop(CREATE));
        Entry folder = driver.mkdir(driver.root(), "made");
        assertEquals("made", folder.name());
        assertEquals(1, sandbox.items(USER).stream().filter(i -> i.folder() && i.name().equals("made")).count());
        assertEquals(2, sandbox.stats().count(CREATE));
    }

    @Test
    void aTrashDroppedBeforeProcessingIsResentOnceTheItemIsSeenStillThere() throws Exception {
        start(false, false);
        byte[] body = content(100);
        Entry file = driver.put(driver.root(), "gone.bin", new Upload(new ByteArrayInputStream(body), body.length, null, null, null));
        driver.list(driver.root());
        sandbox.faults().inject(Fault.drop(TRASH));
        driver.remove(file);
        assertEquals(List.of(), liveFiles());
        assertEquals(1, count(StoredItem.Status.TRASHED));
        assertEquals(2, sandbox.stats().count(TRASH), "looked at with get, then sent again");
    }

    @Test
    void aMoveAndARenameDroppedBeforeProcessingAreResentOnceTheItemIsSeenUnmoved() throws Exception {
        start(false, false);
        Entry folder = driver.mkdir(driver.root(), "into");
        byte[] body = content(100);
        Entry file = driver.put(driver.root(), "m.bin", new Upload(new ByteArrayInputStream(body), body.length, null, null, null));
        driver.list(driver.root());
        sandbox.faults().inject(Fault.drop(MOVE));
        sandbox.faults().inject(Fault.drop(UPDATE));
        Entry moved = driver.move(file, driver.root(), folder, "renamed.bin");
        assertEquals("renamed.bin", moved.name());
        assertEquals(List.of("renamed.bin"), liveFiles());
        assertEquals(folder.id(), sandbox.items(USER).stream().filter(i -> i.name().equals("renamed.bin")).findFirst().orElseThrow().parentId());
        assertEquals(2, sandbox.stats().count(MOVE));
        assertEquals(2, sandbox.stats().count(UPDATE));
    }

    /** Lists the root first, so the write's create goes out on the pooled connection the listing used. */
    private Entry putOnReusedConnection(Fault fault, String name, int size, String sha1) {
        driver.list(driver.root());
        sandbox.faults().inject(fault);
        byte[] body = content(size);
        return driver.put(driver.root(), name, new Upload(new ByteArrayInputStream(body), body.length, null, sha1, null));
    }

    private static byte[] content(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) body[i] = (byte) (i * 31 + 7);
        return body;
    }

    private List<String> liveFiles() {
        return sandbox.items(USER).stream().filter(i -> !i.folder() && i.status() == StoredItem.Status.LIVE)
                .map(StoredItem::name).sorted().toList();
    }

    private long count(StoredItem.Status status) {
        return sandbox.items(USER).stream().filter(i -> !i.folder() && i.status() == status).count();
    }

    private void report(String what) {
        System.out.printf("broken connection, %s: creates %d (dropped %d), live files %s, unfinished %d%n", what,
                sandbox.stats().count(CREATE), sandbox.stats().count(CREATE, CallStats.DROPPED), liveFiles(),
                count(StoredItem.Status.UPLOADING));
    }
}

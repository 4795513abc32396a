package org.alidav.drive;

import static org.alidav.drive.ConformanceData.bytes;
import static org.alidav.drive.ConformanceData.sha1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alidav.drive.cache.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every driver must keep. A new driver is done when a subclass of this suite passes.
 * The tests here run through the op layer the server uses ({@link Storage}); {@link DriverContract}
 * calls the driver straight, and {@link FeatureContract} tests what its {@link Features} declare,
 * skipping what it does not. Each test works in a fresh folder of its own, so a subclass may share
 * one backend between tests.
 */
public abstract class DriverConformanceSuite implements DriverContract, FeatureContract {
    private Driver driver;
    private Storage storage;
    private DrivePath base;
    private Entry baseFolder;

    /** A driver over an empty or shared backend; closed after each test. */
    protected abstract Driver newDriver() throws Exception;

    @BeforeEach
    void setUpStorage() throws Exception {
        driver = newDriver();
        storage = new Storage("test", driver, Duration.ZERO, Clock.systemUTC());
        base = DrivePath.ROOT.child("t-" + UUID.randomUUID());
        baseFolder = storage.mkdir(base);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Override
    public final Driver driver() {
        return driver;
    }

    @Override
    public final Storage storage() {
        return storage;
    }

    @Override
    public final DrivePath base() {
        return base;
    }

    @Override
    public final Entry baseFolder() {
        return baseFolder;
    }

    /** A subclass whose driver declares duplicate names overrides this; the suite asks no other driver. */
    @Override
    public Entry madeElsewhere(Entry parent, String name, byte[] content) {
        throw new AssertionError(driver.getClass().getSimpleName() + " declares duplicate names: its suite must say how to make one");
    }

    private Entry put(DrivePath p, byte[] content) {
        return storage.put(p, new ByteArrayInputStream(content), content.length, null, null);
    }

    private byte[] read(DrivePath p) throws IOException {
        Entry e = storage.stat(p);
        if (e.size() == 0) return new byte[0];
        try (InputStream in = storage.open(e, ByteRange.whole(e.size()))) {
            return in.readAllBytes();
        }
    }

    private List<String> names(DrivePath folder) {
        return storage.list(folder).stream().map(Entry::name).sorted().toList();
    }

    @Test
    void rootIsAFolder() {
        assertTrue(storage.stat(DrivePath.ROOT).folder());
    }

    @Test
    void newFolderIsEmptyAndListed() {
        assertEquals(List.of(), names(base));
        storage.mkdir(base.child("sub"));
        assertEquals(List.of("sub"), names(base));
        assertTrue(storage.stat(base.child("sub")).folder());
    }

    @Test
    void mkdirOfATakenNameFails() {
        storage.mkdir(base.child("d"));
        DriveException e = assertThrows(DriveException.class, () -> storage.mkdir(base.child("d")));
        assertEquals(DriveException.Kind.ALREADY_EXISTS, e.kind());
    }

    @Test
    void mkdirWithoutParentIsAConflict() {
        DriveException e = assertThrows(DriveException.class, () -> storage.mkdir(base.child("no").child("d")));
        assertEquals(DriveException.Kind.CONFLICT, e.kind());
    }

    @Test
    void putThenReadWholeAndRanges() throws Exception {
        byte[] content = bytes(300_000, 1);
        Entry e = put(base.child("f.bin"), content);
        assertEquals(content.length, e.size());
        assertFalse(e.folder());
        assertArrayEquals(content, read(base.child("f.bin")));
        try (InputStream in = storage.open(storage.stat(base.child("f.bin")), new ByteRange(1000, 1999))) {
            byte[] part = in.readAllBytes();
            assertEquals(1000, part.length);
            assertEquals(content[1000], part[0]);
            assertEquals(content[1999], part[999]);
        }
    }

    @Test
    void sizeAndHashOfAStoredFileAreTrue() throws Exception {
        byte[] content = bytes(5000, 2);
        put(base.child("h.bin"), content);
        Entry listed = storage.list(base).get(0);
        assertEquals(5000, listed.size());
        if (listed.sha1() != null) assertEquals(sha1(content), listed.sha1());
    }

    @Test
    void putOfUnknownSize() throws Exception {
        byte[] content = bytes(70_000, 3);
        storage.put(base.child("u.bin"), new ByteArrayInputStream(content), Upload.UNKNOWN_SIZE, null, null);
        assertArrayEquals(content, read(base.child("u.bin")));
    }

    @Test
    void zeroByteFile() throws Exception {
        put(base.child("empty.txt"), new byte[0]);
        assertEquals(0, storage.stat(base.child("empty.txt")).size());
        assertArrayEquals(new byte[0], read(base.child("empty.txt")));
    }

    @Test
    void putReplacesAnExistingFileLeavingOneEntry() throws Exception {
        put(base.child("r.txt"), "old".getBytes(StandardCharsets.UTF_8));
        put(base.child("r.txt"), "new content".getBytes(StandardCharsets.UTF_8));
        assertEquals("new content", new String(read(base.child("r.txt")), StandardCharsets.UTF_8));
        storage.invalidate(base);
        assertEquals(List.of("r.txt"), names(base));
    }

    @Test
    void failedUploadLeavesNothingAndKeepsTheOldContent() throws Exception {
        put(base.child("keep.txt"), "precious".getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("keep.txt", "new.txt")) {
            InputStream broken = new InputStream() {
                int n;

                @Override
                public int read() throws IOException {
                    if (n++ > 50_000) throw new IOException("client went away");
                    return 'x';
                }
            };
            assertThrows(RuntimeException.class, () -> storage.put(base.child(name), broken, 200_000, null, null));
        }
        storage.invalidate(base);
        assertEquals(List.of("keep.txt"), names(base));
        assertEquals("precious", new String(read(base.child("keep.txt")), StandardCharsets.UTF_8));
    }

    @Test
    void shortBodyIsAnError() {
        byte[] content = bytes(1000, 4);
        assertThrows(RuntimeException.class,
                () -> storage.put(base.child("s.bin"), new ByteArrayInputStream(content), 2000, null, null));
        storage.invalidate(base);
        assertEquals(List.of(), names(base));
    }

    @Test
    void modifiedTimeOfAnUploadIsKept() {
        Instant mtime = Instant.parse("2021-03-04T05:06:07Z");
        storage.put(base.child("m.txt"), new ByteArrayInputStream(new byte[]{1}), 1, mtime, null);
        storage.invalidate(base);
        assertEquals(mtime, storage.stat(base.child("m.txt")).modified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void renameMoveAndMoveWithRename() throws Exception {
        byte[] content = bytes(1234, 5);
        put(base.child("a.txt"), content);
        storage.mkdir(base.child("dir"));
        storage.move(base.child("a.txt"), base.child("b.txt"));
        storage.move(base.child("b.txt"), base.child("dir").child("b.txt"));
        storage.move(base.child("dir").child("b.txt"), base.child("c.txt"));
        storage.invalidate(base);
        assertEquals(List.of("c.txt", "dir"), names(base));
        assertEquals(List.of(), names(base.child("dir")));
        assertArrayEquals(content, read(base.child("c.txt")));
    }

    @Test
    void moveOfAFolderTakesItsContent() throws Exception {
        storage.mkdir(base.child("src"));
        put(base.child("src").child("x.txt"), new byte[]{7});
        storage.mkdir(base.child("dst"));
        storage.move(base.child("src"), base.child("dst").child("moved"));
        storage.invalidate(base);
        assertArrayEquals(new byte[]{7}, read(base.child("dst").child("moved").child("x.txt")));
        assertTrue(storage.find(base.child("src")).isEmpty());
    }

    @Test
    void moveOntoATakenNameFails() {
        put(base.child("one"), new byte[]{1});
        put(base.child("two"), new byte[]{2});
        assertThrows(DriveException.class, () -> storage.move(base.child("one"), base.child("two")));
    }

    @Test
    void copyOfAFileAndOfAFolderTree() throws Exception {
        byte[] content = bytes(4096, 6);
        storage.mkdir(base.child("tree"));
        storage.mkdir(base.child("tree").child("inner"));
        put(base.child("tree").child("inner").child("f.bin"), content);
        storage.copy(base.child("tree").child("inner").child("f.bin"), base.child("copy.bin"));
        storage.copy(base.child("tree"), base.child("tree2"));
        storage.invalidate(base);
        assertArrayEquals(content, read(base.child("copy.bin")));
        assertArrayEquals(content, read(base.child("tree2").child("inner").child("f.bin")));
        assertArrayEquals(content, read(base.child("tree").child("inner").child("f.bin")));
    }

    @Test
    void removeOfAFileAndOfAFolderTree() {
        put(base.child("f"), new byte[]{1});
        storage.mkdir(base.child("d"));
        put(base.child("d").child("g"), new byte[]{2});
        storage.remove(base.child("f"));
        storage.remove(base.child("d"));
        storage.invalidate(base);
        assertEquals(List.of(), names(base));
        assertThrows(DriveException.class, () -> storage.stat(base.child("d").child("g")));
    }

    @Test
    void oddNamesRoundTrip() throws Exception {
        List<String> odd = List.of("100% sure.txt", "a#b+c.txt", "spaces  twice", "été ünï.txt", "emoji \uD83D\uDE00.txt",
                "semi;colon&amp.txt", "quote'\"s.txt");
        for (String n : odd) put(base.child(n), n.getBytes(StandardCharsets.UTF_8));
        storage.invalidate(base);
        assertEquals(odd.stream().sorted().toList(), names(base));
        for (String n : odd) assertEquals(n, new String(read(base.child(n)), StandardCharsets.UTF_8));
    }

    @Test
    void invalidNamesAreRefused() {
        for (String bad : List.of("..", ".", "a/b", "a\\b", "nul\0")) {
            DriveException e = assertThrows(DriveException.class, () -> storage.mkdir(base.child(bad)));
            assertEquals(DriveException.Kind.INVALID_NAME, e.kind());
        }
    }

    @Test
    void missingThingsAreNotFound() {
        assertTrue(storage.find(base.child("nothing")).isEmpty());
        DriveException e = assertThrows(DriveException.class, () -> storage.remove(base.child("nothing")));
        assertEquals(DriveException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void quotaIsSaneWhenReported() {
        storage.quota().ifPresent(q -> {
            assertTrue(q.total() > 0);
            assertTrue(q.used() >= 0 && q.used() <= q.total());
        });
    }
}

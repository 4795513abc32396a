package org.alidav.drive.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.drive.cache.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class LocalDriverSafetyTest {
    @TempDir
    Path dir;

    @Test
    void symlinksLeadingOutOfTheRootAreInvisible() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), outside);
        Files.createSymbolicLink(root.resolve("linkdir"), dir);
        Files.writeString(root.resolve("ok.txt"), "ok");
        LocalDriver d = new LocalDriver(root, Clock.systemUTC());
        assertEquals(List.of("ok.txt"), d.list(d.root()).stream().map(Entry::name).toList());
    }

    @Test
    void handlesThatClimbOutAreNotFound() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        LocalDriver d = new LocalDriver(root, Clock.systemUTC());
        Entry forged = Entry.file("../secret.txt", "secret.txt", 6, java.time.Instant.now(), null);
        DriveException e = assertThrows(DriveException.class, () -> d.open(forged, org.alidav.drive.ByteRange.whole(6)));
        assertEquals(DriveException.Kind.NOT_FOUND, e.kind());
        assertThrows(DriveException.class, () -> d.put(d.root(), "..", new Upload(new ByteArrayInputStream(new byte[0]), 0, null, null, null)));
    }

    @Test
    void unfinishedUploadsAreHidden() throws Exception {
        LocalDriver d = new LocalDriver(dir, Clock.systemUTC());
        Files.writeString(dir.resolve(LocalDriver.TEMP_PREFIX + "123"), "partial");
        assertTrue(d.list(d.root()).isEmpty());
    }

    @Test
    void aClaimedChecksumThatDoesNotMatchIsRefused() {
        LocalDriver d = new LocalDriver(dir, Clock.systemUTC());
        Upload u = new Upload(new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, null, "0000000000000000000000000000000000000000", null);
        assertThrows(DriveException.class, () -> d.put(d.root(), "x", u));
        assertTrue(d.list(d.root()).isEmpty());
    }

    /** A storage on {@code dir} holding a.txt ("a") and b.txt ("b"). */
    private Storage storageWithAAndB() throws java.io.IOException {
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.txt"), "b");
        return new Storage("/", new LocalDriver(dir, Clock.systemUTC()), java.time.Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** MOVE or COPY of a.txt onto b.txt with {@code Overwrite: T}. */
    private static void transferAOntoB(Storage storage, String op) {
        DrivePath from = DrivePath.parse("/a.txt");
        DrivePath to = DrivePath.parse("/b.txt");
        if (op.equals("move")) storage.move(from, to, true);
        else storage.copy(from, to, true);
    }

    /**
     * A MOVE or COPY over an existing file whose source vanished (the cached listing still shows it)
     * fails and leaves the target as it was: it is never removed before the new file is in place.
     */
    @ParameterizedTest
    @ValueSource(strings = {"move", "copy"})
    void aFailedTransferOverAFileKeepsIt(String op) throws Exception {
        Storage storage = storageWithAAndB();
        storage.stat(DrivePath.parse("/a.txt"));
        Files.delete(dir.resolve("a.txt"));

        assertThrows(DriveException.class, () -> transferAOntoB(storage, op));

        assertEquals("b", Files.readString(dir.resolve("b.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"move", "copy"})
    void aTransferOverAFileReplacesItAndLeavesNoTempFile(String op) throws Exception {
        transferAOntoB(storageWithAAndB(), op);

        assertEquals("a", Files.readString(dir.resolve("b.txt")));
        try (var names = Files.list(dir)) {
            assertEquals(op.equals("move") ? List.of("b.txt") : List.of("a.txt", "b.txt"),
                    names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}

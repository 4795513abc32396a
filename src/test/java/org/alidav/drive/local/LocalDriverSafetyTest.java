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
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.junit.jupiter.api.Test;
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
}

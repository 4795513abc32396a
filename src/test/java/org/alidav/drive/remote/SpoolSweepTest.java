package org.alidav.drive.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolSweepTest {
    @TempDir
    Path dir;

    @Test
    void theSweepDeletesSpoolsOfEarlierProcessesOnlyAndNothingElse() throws Exception {
        Path left = Files.writeString(dir.resolve("alidav-upload-123.spool"), "half a body");
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "not ours");
        try (Spool open = Spool.create(dir)) {
            assertEquals(1, Spool.sweep(dir));
            assertFalse(Files.exists(left));
            assertTrue(Files.exists(open.path()), "a spool in use is kept");
            assertTrue(Files.exists(foreign));
        }
        assertEquals(0, Spool.sweep(dir));
        assertEquals(0, Spool.sweep(dir.resolve("never-created")));
    }
}

package org.alidav;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceAtStartTest {
    @TempDir
    Path dir;

    @Test
    void theFirstPassRunsAtStartAndDeletesWhatAKilledProcessLeft() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("data").resolve("spool"));
        Path left = Files.writeString(spool.resolve("alidav-upload-42.spool"), "half a body");
        try (TestApp app = TestApp.sandbox(dir)) {
            for (int i = 0; i < 100 && Files.exists(left); i++) Thread.sleep(100);
            assertFalse(Files.exists(left), "the spool file of an earlier process was deleted");
            assertTrue(Files.exists(dir.resolve("data").resolve("state.db")), "the journal lives in data_dir");
        }
    }
}

package org.alidav.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aFileLeftByADeadProcessDoesNotBlockAndTakesThisPid() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(DataDirLock.FILE_NAME), "999999\n"); // as after kill -9: the file stays, its lock is gone
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(data.resolve(DataDirLock.FILE_NAME)));
        }
    }

    @Test
    void theSameDirectoryThroughASymlinkIsTheSameDirectory() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), data);
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            DataDirInUseException e = assertThrows(DataDirInUseException.class, () -> DataDirLock.acquire(alias));
            assertEquals("data_dir " + alias + " is in use by process " + ProcessHandle.current().pid(), e.getMessage());
        }
        DataDirLock.acquire(alias).close(); // released by close
    }
}

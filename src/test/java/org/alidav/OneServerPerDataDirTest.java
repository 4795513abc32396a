package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.state.DataDirInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second server on a data_dir in use stops at once, naming the process that holds it. */
@EndToEnd
class OneServerPerDataDirTest {
    @TempDir
    Path dir;

    private String inUseLine() {
        return "data_dir " + dir.resolve("data") + " is in use by process " + ProcessHandle.current().pid();
    }

    @Test
    void aSecondStartInThisProcessIsRefusedAndCloseReleasesTheDataDir() throws Exception {
        try (TestApp running = TestApp.local(dir, "")) {
            DataDirInUseException e = assertThrows(DataDirInUseException.class, () -> TestApp.local(dir, ""));
            assertEquals(inUseLine(), e.getMessage());
            assertEquals(201, running.send("PUT", "/still-serving.txt", "x").statusCode(), "the first server is untouched");
        }
        try (TestApp again = TestApp.local(dir, "")) {
            assertEquals(200, again.send("OPTIONS", "/", (String) null).statusCode());
        }
    }

    @Test
    void aSecondProcessExitsWithStatus2AndOneLineNamingTheHolder() throws Exception {
        Path config = Files.writeString(dir.resolve("alidav.yaml"), TestApp.localYaml(dir, 0));
        try (TestApp running = TestApp.local(dir, "")) {
            ChildServer.Refusal refusal = ChildServer.refusal(config);
            assertEquals(2, refusal.exitCode(), refusal.stderr());
            assertEquals("alidav: " + inUseLine(), refusal.stderr().strip(), "one line on stderr");
            assertEquals(201, running.send("PUT", "/still-serving.txt", "x").statusCode(), "the first server is untouched");
        }
    }
}

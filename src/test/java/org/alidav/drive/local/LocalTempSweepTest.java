package org.alidav.drive.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTempSweepTest {
    @TempDir
    Path root;

    @Test
    void theMaintenancePassDeletesTempFilesOfEarlierProcessesButNotOfWritesRunningNow() throws Exception {
        Files.createDirectories(root.resolve("sub"));
        Path leftTop = Files.writeString(root.resolve(LocalDriver.TEMP_PREFIX + "killed-1"), "half");
        Path leftDeep = Files.writeString(root.resolve("sub").resolve(LocalDriver.TEMP_PREFIX + "killed-2"), "half");
        Path keep = Files.writeString(root.resolve("sub").resolve("kept.txt"), "mine");
        LocalDriver d = new LocalDriver(root, Clock.systemUTC());

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slowBody = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == 1) {
                    writing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return sent++ < 2 ? 'x' : -1;
            }
        };
        CompletableFuture<Entry> running = CompletableFuture.supplyAsync(
                () -> d.put(d.root(), "slow.txt", new Upload(slowBody, 2, null, null, null)));
        assertTrue(writing.await(10, TimeUnit.SECONDS));

        assertEquals(List.of(), d.maintain());

        assertFalse(Files.exists(leftTop));
        assertFalse(Files.exists(leftDeep));
        assertTrue(Files.exists(keep));
        assertEquals(1, temps(), "the running upload's temp file is kept");
        release.countDown();
        assertEquals(2, running.get(10, TimeUnit.SECONDS).size());
        assertEquals(0, temps());
    }

    private long temps() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().startsWith(LocalDriver.TEMP_PREFIX)).count();
        }
    }
}

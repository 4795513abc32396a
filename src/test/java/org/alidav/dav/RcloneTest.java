package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alidav.EndToEnd;
import org.alidav.LongRunning;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rclone against a real server over a local folder ({@link RcloneRoundTrip}). Vendor owncloud
 * exercises X-OC-Mtime, OC-Checksum and oc:checksums.
 */
@EndToEnd
@LongRunning
class RcloneTest {
    @TempDir
    Path dir;

    /** The foundation's acceptance size with the vendor users are told to pick; a small tree for the other. */
    @ParameterizedTest
    @ValueSource(strings = {"owncloud", "other"})
    void copyCheckSyncMovePurge(String vendor) throws Exception {
        boolean full = vendor.equals("owncloud");
        Path local = RcloneRoundTrip.writeTree(dir.resolve("local"), full ? 200 : 12, full ? 300L * 1024 * 1024 : 6 * 1024 * 1024 + 123);
        try (DavTestServer dav = DavTestServer.start(dir)) {
            RcloneRoundTrip.Report report = RcloneRoundTrip.run(dir, local, dav.url("/"), vendor, DavTestServer.USER,
                    DavTestServer.PASSWORD, new RcloneRoundTrip.Checks() {
                        @Override
                        public void afterMove() {
                            assertTrue(Files.isDirectory(dav.storageRoot(0).resolve("moved")));
                            assertFalse(Files.exists(dav.storageRoot(0).resolve("up/sub dir/file 0.txt")));
                        }

                        @Override
                        public void afterPurge() {
                            assertFalse(Files.exists(dav.storageRoot(0).resolve("up")));
                        }
                    });
            System.out.println("rclone round trip (" + vendor + "): " + report);
        }
    }
}

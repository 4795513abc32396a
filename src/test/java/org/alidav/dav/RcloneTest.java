package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * rclone against a real server: copy a tree up, check it by downloading, sync twice (the second
 * transfers nothing), move, purge. Vendor owncloud exercises X-OC-Mtime, OC-Checksum and oc:checksums.
 */
class RcloneTest {
    private static final Pattern TRANSFERRED = Pattern.compile("Transferred:\\s+(\\d+) / (\\d+), ");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"owncloud", "other"})
    void copyCheckSyncMovePurge(String vendor) throws Exception {
        assumeTrue(ExternalClient.installed("rclone"), "rclone is not installed");
        Path local = Files.createDirectories(dir.resolve("local"));
        Random random = new Random(42);
        for (int i = 0; i < 12; i++) {
            Path f = local.resolve(i % 3 == 0 ? "sub dir/file " + i + ".txt" : "file-" + i + "+%#.bin");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[100 + random.nextInt(4000)];
            random.nextBytes(b);
            Files.write(f, b);
        }
        byte[] large = new byte[6 * 1024 * 1024 + 123];
        random.nextBytes(large);
        Files.write(local.resolve("large é.bin"), large);

        try (DavTestServer dav = DavTestServer.start(dir)) {
            Map<String, String> env = new HashMap<>();
            env.put("RCLONE_CONFIG_T_TYPE", "webdav");
            env.put("RCLONE_CONFIG_T_URL", dav.url("/"));
            env.put("RCLONE_CONFIG_T_VENDOR", vendor);
            env.put("RCLONE_CONFIG_T_USER", DavTestServer.USER);
            env.put("RCLONE_CONFIG_T_PASS", rclone(env, "obscure", DavTestServer.PASSWORD).output().trim());

            ok(rclone(env, "copy", local.toString(), "t:up"));
            ok(rclone(env, "check", "--download", local.toString(), "t:up"));
            ExternalClient.Result first = rclone(env, "sync", "-v", "--stats-log-level", "NOTICE", "--stats", "1h", local.toString(), "t:up");
            ok(first);
            ExternalClient.Result second = rclone(env, "sync", "-v", "--stats-log-level", "NOTICE", "--stats", "1h", local.toString(), "t:up");
            ok(second);
            assertEquals(0, transferred(second), second.output());
            if (vendor.equals("owncloud")) {
                // X-OC-Mtime was kept, so rclone sees the local modification times
                ok(rclone(env, "check", local.toString(), "t:up"));
            }
            ok(rclone(env, "move", "t:up/sub dir", "t:moved"));
            assertTrue(Files.isDirectory(dav.storageRoot(0).resolve("moved")));
            assertFalse(Files.exists(dav.storageRoot(0).resolve("up/sub dir/file 0.txt")));
            ok(rclone(env, "purge", "t:up"));
            ok(rclone(env, "purge", "t:moved"));
            assertFalse(Files.exists(dav.storageRoot(0).resolve("up")));
        }
    }

    private ExternalClient.Result rclone(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rclone", "--config", "/dev/null", "--low-level-retries", "1", "--retries", "1"));
        cmd.addAll(List.of(args));
        return ExternalClient.run(dir, env, 300, cmd);
    }

    private static void ok(ExternalClient.Result r) {
        assertEquals(0, r.exitCode(), r.output());
    }

    private static int transferred(ExternalClient.Result r) {
        Matcher m = TRANSFERRED.matcher(r.output());
        int last = -1;
        while (m.find()) last = Integer.parseInt(m.group(1));
        if (last < 0 && r.output().contains("There was nothing to transfer")) return 0;
        return last;
    }
}

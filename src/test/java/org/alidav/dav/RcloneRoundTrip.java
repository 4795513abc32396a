package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rclone against a WebDAV URL: copy a tree up (many small files, one larger), check it by downloading,
 * copy it back down and compare, sync twice (the second transfers nothing), move a folder, purge. Every step is asserted through
 * rclone itself; {@link Checks} lets a caller also look at the storage behind the server.
 */
public final class RcloneRoundTrip {
    private static final Pattern TRANSFERRED = Pattern.compile("Transferred:\\s+(\\d+) / (\\d+), ");

    /** Extra looks at the storage after the move and after the purge. */
    public interface Checks {
        default void afterMove() throws IOException {
        }

        default void afterPurge() throws IOException {
        }
    }

    /** How long each step took (ms, in order) and what the two syncs transferred. */
    public record Report(Map<String, Long> stepMillis, int firstSyncTransferred, int secondSyncTransferred) {
    }

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Long> steps = new LinkedHashMap<>();

    private RcloneRoundTrip(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code smallFiles} files of 100 B to 4 KiB (a third in a sub folder) and one of {@code largeBytes}. */
    public static Path writeTree(Path local, int smallFiles, long largeBytes) throws IOException {
        Files.createDirectories(local);
        Random random = new Random(42);
        for (int i = 0; i < smallFiles; i++) {
            Path f = local.resolve(i % 3 == 0 ? "sub dir/file " + i + ".txt" : "file-" + i + "+%#.bin");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[100 + random.nextInt(4000)];
            random.nextBytes(b);
            Files.write(f, b);
        }
        byte[] block = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(local.resolve("large é.bin"))) {
            for (long left = largeBytes; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return local;
    }

    /** Runs the round trip from {@code local} to {@code <url>up}; stops as {@link ExternalClient#require} says when rclone is absent. */
    public static Report run(Path dir, Path local, String url, String vendor, String user, String password, Checks checks)
            throws Exception {
        return run(dir, local, url, vendor, user, password, Map.of(), checks);
    }

    /** As {@link #run(Path, Path, String, String, String, String, Checks)} with rclone's {@code RCLONE_*} options in {@code options}. */
    public static Report run(Path dir, Path local, String url, String vendor, String user, String password,
                             Map<String, String> options, Checks checks) throws Exception {
        ExternalClient.require("rclone");
        RcloneRoundTrip t = new RcloneRoundTrip(dir);
        t.env.putAll(options);
        t.env.put("RCLONE_CONFIG_T_TYPE", "webdav");
        t.env.put("RCLONE_CONFIG_T_URL", url);
        t.env.put("RCLONE_CONFIG_T_VENDOR", vendor);
        t.env.put("RCLONE_CONFIG_T_USER", user);
        t.env.put("RCLONE_CONFIG_T_PASS", t.rclone("obscure", password).output().trim());
        return t.roundTrip(local.toString(), vendor, checks);
    }

    private Report roundTrip(String local, String vendor, Checks checks) throws Exception {
        step("copy", "copy", local, "t:up");
        step("check --download", "check", "--download", local, "t:up");
        String down = dir.resolve("down").toString();
        step("copy down", "copy", "t:up", down);
        step("compare down", "check", local, down);
        String[] sync = {"sync", "-v", "--stats-log-level", "NOTICE", "--stats", "1h", local, "t:up"};
        int first = transferred(step("sync 1", sync));
        ExternalClient.Result second = step("sync 2", sync);
        assertEquals(0, transferred(second), second.output());
        if (vendor.equals("owncloud")) {
            // X-OC-Mtime was kept, so rclone sees the local modification times
            step("check (mtime)", "check", local, "t:up");
        }
        step("move", "move", "t:up/sub dir", "t:moved");
        assertTrue(lsf("t:moved").contains("file 0.txt"), "moved folder lists its files");
        assertFalse(lsf("t:up").contains("sub dir/"), "the moved folder left its old place");
        checks.afterMove();
        step("purge up", "purge", "t:up");
        step("purge moved", "purge", "t:moved");
        List<String> top = lsf("t:");
        assertFalse(top.contains("up/") || top.contains("moved/"), "purged: " + top);
        checks.afterPurge();
        return new Report(steps, first, transferred(second));
    }

    private ExternalClient.Result step(String name, String... args) throws Exception {
        long start = System.nanoTime();
        ExternalClient.Result r = rclone(args);
        steps.put(name, (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, r.exitCode(), name + ":\n" + r.output());
        return r;
    }

    private List<String> lsf(String remote) throws Exception {
        ExternalClient.Result r = rclone("lsf", remote);
        assertEquals(0, r.exitCode(), r.output());
        return r.output().lines().toList();
    }

    private ExternalClient.Result rclone(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rclone", "--config", "/dev/null", "--low-level-retries", "1", "--retries", "1"));
        cmd.addAll(List.of(args));
        return ExternalClient.run(dir, env, 600, cmd);
    }

    static int transferred(ExternalClient.Result r) {
        Matcher m = TRANSFERRED.matcher(r.output());
        int last = -1;
        while (m.find()) last = Integer.parseInt(m.group(1));
        if (last < 0 && r.output().contains("There was nothing to transfer")) return 0;
        return last;
    }
}

package org.alidav.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.EndToEnd;
import org.alidav.dav.DavTestServer;
import org.alidav.dav.ExternalClient;
import org.alidav.dav.RcloneRoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rclone check} with the vendor docs/clients/rclone.md recommends compares SHA-1 hashes for
 * every file, on a local storage and on the sandbox: no "hashes could not be checked". rclone's
 * {@code nextcloud} vendor asks {@code oc:checksums} and takes SHA-1 only (from 1.63 its
 * {@code fastmail} vendor sends an empty PROPFIND and reads the same property: see
 * {@link #anEmptyPropfindCarriesTheSha1}); {@code owncloud} prefers MD5, which no storage here has.
 */
@EndToEnd
class RcloneHashCheckTest {
    private static final Pattern MATCHING = Pattern.compile("(\\d+) matching files");

    @TempDir
    Path dir;

    @Test
    void localStorageEveryHashChecked() throws Exception {
        Path local = RcloneRoundTrip.writeTree(dir.resolve("tree"), 12, 3 * 1024 * 1024 + 7);
        try (DavTestServer dav = DavTestServer.start(dir)) {
            assertEveryHashChecked(local, dav.url("/"), DavTestServer.USER, DavTestServer.PASSWORD);
        }
    }

    @Test
    void sandboxEveryHashChecked() throws Exception {
        Path local = RcloneRoundTrip.writeTree(dir.resolve("tree"), 12, 3 * 1024 * 1024 + 7);
        try (PolicyStack stack = new PolicyStack(dir.resolve("stack"), new PolicyStack.Spec())) {
            assertEveryHashChecked(local, stack.url("/"), "", "");
        }
    }

    /** What the fastmail vendor asks: no body (allprop); oc:checksums must be among the answers. */
    @Test
    void anEmptyPropfindCarriesTheSha1() throws Exception {
        try (PolicyStack stack = new PolicyStack(dir, new PolicyStack.Spec())) {
            stack.put("a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> r = stack.send("PROPFIND", "/", "Depth", "1");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(207, r.statusCode(), body);
            assertTrue(body.contains(">SHA1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d<"), body);
            assertTrue(body.contains("getcontentlength>5<"), body);
        }
    }

    private void assertEveryHashChecked(Path local, String url, String user, String password) throws Exception {
        ExternalClient.require("rclone");
        List<String> remote = List.of("--webdav-url", url, "--webdav-vendor", "nextcloud", "--webdav-user", user,
                "--webdav-pass", rclone(List.of(), "obscure", password).output().trim());
        ExternalClient.Result copy = rclone(remote, "copy", local.toString(), ":webdav:up");
        assertEquals(0, copy.exitCode(), copy.output());
        ExternalClient.Result check = rclone(remote, "check", local.toString(), ":webdav:up");
        System.out.println("rclone check (nextcloud) against " + url + ":\n" + check.output());
        assertEquals(0, check.exitCode(), check.output());
        assertFalse(check.output().contains("could not be checked"), check.output());
        Matcher m = MATCHING.matcher(check.output());
        assertTrue(m.find(), check.output());
        try (var files = Files.walk(local)) {
            assertEquals(files.filter(Files::isRegularFile).count(), Long.parseLong(m.group(1)));
        }
    }

    /** rclone with no config file: the remote is given by {@code remote}'s flags. */
    private ExternalClient.Result rclone(List<String> remote, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rclone", "--config", "/dev/null"));
        command.addAll(List.of(args));
        command.addAll(remote);
        return ExternalClient.run(dir, Map.of(), 300, command);
    }
}

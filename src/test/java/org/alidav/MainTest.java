package org.alidav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the server refuses to start: exit code 2 and one line that names the problem. */
class MainTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errorLine() {
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), "one line: " + text);
        return text;
    }

    @Test
    void unknownKeyIsNamedWithItsFile() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + dir + "', cache_tll: 5s}\n");
        assertEquals(2, run("--config", config.toString()));
        String line = errorLine();
        assertTrue(line.contains("bad.yaml") && line.contains("storages[0].cache_tll") && line.contains("cache_ttl"), line);
    }

    @Test
    void unknownDriverOptionIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + dir + "', rooot: x}\n");
        assertEquals(2, run("--config", config.toString()));
        String line = errorLine();
        assertTrue(line.contains("bad.yaml") && line.contains("rooot"), line);
    }

    @Test
    void allInterfacesWithoutUsersIsRefused() throws Exception {
        Path config = Files.writeString(dir.resolve("open.yaml"),
                "server: {host: 0.0.0.0, port: 0, data_dir: '" + dir + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + dir + "'}\n");
        assertEquals(2, run("--config", config.toString()));
        String line = errorLine();
        assertTrue(line.contains("0.0.0.0") && line.contains("allow_anonymous"), line);
    }

    @Test
    void aMissingLocalRootIsRefusedUnlessCreatingItIsAsked() throws Exception {
        Path root = dir.resolve("no such folder");
        Path config = Files.writeString(dir.resolve("alidav.yaml"),
                "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + root + "'}\n");
        assertEquals(2, run("--config", config.toString()));
        assertEquals("alidav: alidav.yaml: storages[0].root: " + root + " does not exist; create it, or set create_root: true to have it created",
                errorLine().replace(config.toString(), "alidav.yaml"));
        assertFalse(Files.exists(root), "nothing created");
        try (TestApp t = TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + root + "', create_root: true}\n", false)) {
            assertTrue(Files.isDirectory(root));
        }
    }

    @Test
    void aPortInUseIsOneLineThatSuggestsAnotherPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path config = Files.writeString(dir.resolve("alidav.yaml"), "server: {host: 127.0.0.1, port: " + taken.getLocalPort()
                    + ", data_dir: '" + dir.resolve("data") + "'}\nstorages:\n  - {mount: /, driver: local, root: '" + dir + "'}\n");
            assertEquals(2, run("--config", config.toString()));
            assertEquals("alidav: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (another server running?);"
                    + " choose another with --port, ALIDAV_PORT or server.port", errorLine());
        }
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertEquals(2, run("--prot", "8080"));
        assertTrue(errorLine().contains("--prot"));
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--sandbox"));
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("alidav "));
    }

    @Test
    void eachCommandHasItsHelp() {
        assertEquals(0, run("login", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--mount"));
        out.reset();
        assertEquals(0, run("hash-password", "-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("read a password"), out.toString(StandardCharsets.UTF_8));
    }
}

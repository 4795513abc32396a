package org.alidav;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.alidav.config.CliArgs;
import org.alidav.config.ConfigResolver;
import org.alidav.config.LoadedConfig;

/**
 * {@code java -jar alidav.jar self-test}: starts the server as {@code main} does (a config file read
 * through the resolver) on a free loopback port, over a local folder in a temporary directory, makes
 * the requests a WebDAV client starts with, checks every answer, stops the server and removes the
 * directory. Exit code 0, or 1 naming the first wrong answer. The launcher, the container build and
 * the unit run it once under {@code -XX:ArchiveClassesAtExit}: the classes it loads are the ones the
 * next start needs, and the JVM maps them from the archive instead of loading them from the jar.
 */
final class SelfTest {
    private static final String CONTENT = "AliDAV self-test\n";
    private static final String LOCK = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:lockinfo xmlns:D=\"DAV:\">"
            + "<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>self-test</D:owner></D:lockinfo>";
    private static final String PROPPATCH = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\""
            + " xmlns:Z=\"urn:alidav:self-test\"><D:set><D:prop><Z:note>kept</Z:note></D:prop></D:set></D:propertyupdate>";

    private final PrintStream out;
    private final PrintStream err;

    SelfTest(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Answers the process exit code. */
    int run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("alidav-self-test");
        } catch (IOException e) {
            err.println("alidav: self-test: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try {
            return serveAndAsk(dir);
        } finally {
            delete(dir);
        }
    }

    private int serveAndAsk(Path dir) {
        LoadedConfig loaded;
        try {
            Files.createDirectories(dir.resolve("files"));
            Path config = Files.writeString(dir.resolve("alidav.yaml"), "server: {host: 127.0.0.1, port: 0, data_dir: data, log_level: warn}\n"
                    + "storages:\n  - {mount: /, driver: local, root: files}\n");
            loaded = ConfigResolver.resolve(new CliArgs(CliArgs.Command.SERVE, Optional.of(config), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, false, false), Map.of(), dir);
        } catch (IOException | RuntimeException e) {
            err.println("alidav: self-test: cannot write or read its config: " + e.getMessage());
            return 1;
        }
        try (Application app = Application.start(loaded.config(), false)) {
            int asked = ask(new LoopbackHttp(app.port()), app.port());
            out.println("alidav self-test: " + asked + " requests answered as expected");
            return 0;
        } catch (WrongAnswer e) {
            err.println("alidav: self-test: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("alidav: self-test: " + e);
            return 1;
        }
    }

    /** The requests, in a client's order; answers how many were made. */
    private static int ask(LoopbackHttp http, int port) throws IOException {
        String file = "/self-test.txt";
        List<Check> checks = List.of(
                new Check("OPTIONS", "/", null, 200, a -> a.headers().getOrDefault("dav", "").contains("2")),
                new Check("PUT", file, CONTENT, 201, a -> true),
                new Check("PROPFIND", "/", "", 207, a -> a.body().contains(file), "Depth", "1"),
                new Check("HEAD", file, null, 200, a -> String.valueOf(CONTENT.length()).equals(a.headers().get("content-length"))),
                new Check("GET", file, null, 200, a -> a.body().equals(CONTENT)),
                new Check("GET", file, null, 206, a -> a.body().equals(CONTENT.substring(0, 7)), "Range", "bytes=0-6"),
                new Check("PROPPATCH", file, PROPPATCH, 207, a -> a.body().contains("200")),
                new Check("MKCOL", "/folder", null, 201, a -> true),
                new Check("MOVE", file, null, 201, a -> true, "Destination", "http://127.0.0.1:" + port + "/folder/moved.txt"),
                new Check("PROPFIND", "/folder/moved.txt", "", 207, a -> a.body().contains("kept"), "Depth", "0"));
        for (Check c : checks) c.ask(http);
        LoopbackHttp.Answer lock = new Check("LOCK", "/folder/moved.txt", LOCK, 200, a -> a.headers().containsKey("lock-token"),
                "Timeout", "Second-60").ask(http);
        List<Check> rest = List.of(
                new Check("UNLOCK", "/folder/moved.txt", null, 204, a -> true, "Lock-Token", lock.headers().get("lock-token")),
                new Check("DELETE", "/folder", null, 204, a -> true),
                new Check("GET", "/folder/moved.txt", null, 404, a -> true),
                new Check("GET", "/-/health", null, 200, a -> a.body().contains("\"status\"")));
        for (Check c : rest) c.ask(http);
        return checks.size() + 1 + rest.size();
    }

    /** One request and what its answer must be. */
    private record Check(String method, String path, String body, int status, Predicate<LoopbackHttp.Answer> looksRight, String... headers) {
        LoopbackHttp.Answer ask(LoopbackHttp http) throws IOException {
            LoopbackHttp.Answer a = http.send(method, path, body, headers);
            if (a.status() != status) throw new WrongAnswer(method + " " + path + " answered " + a.status() + ", expected " + status);
            if (!looksRight.test(a)) throw new WrongAnswer(method + " " + path + " answered " + a.status() + " with an unexpected answer");
            return a;
        }
    }

    private static final class WrongAnswer extends IOException {
        WrongAnswer(String message) {
            super(message);
        }
    }

    private void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            err.println("alidav: self-test: could not remove " + dir + ": " + e.getMessage());
        }
    }
}

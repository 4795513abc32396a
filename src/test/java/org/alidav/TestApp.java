package org.alidav;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.alidav.config.ConfigLoader;

/**
 * The whole server, assembled by {@link Application} from a YAML config exactly as {@code main}
 * does, in a temp dir, with a small HTTP client. {@code data_dir} and the local root default to
 * folders under {@code dir}; the port is ephemeral.
 */
public final class TestApp implements AutoCloseable {
    public final Path dir;
    public final Application app;
    private final TestClient client;

    private TestApp(Path dir, Application app) {
        this.dir = dir;
        this.app = app;
        this.client = new TestClient("http://127.0.0.1:" + app.port());
    }

    /** A server over one local folder ({@code dir/files}) at {@code /}; {@code extraYaml} is appended at top level. */
    public static TestApp local(Path dir, String extraYaml) throws Exception {
        return start(dir, localYaml(dir, 0) + extraYaml, false);
    }

    /** The config of {@link #local}: {@code data_dir} is {@code dir/data}, one local folder {@code dir/files} at {@code /}. */
    public static String localYaml(Path dir, int port) {
        return "server: {host: 127.0.0.1, port: " + port + ", data_dir: '" + dir.resolve("data") + "'}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n";
    }

    /** The server in {@code --sandbox} mode (the emulator mounted at {@code /}), no users, data under {@code dir/data}. */
    public static TestApp sandbox(Path dir) throws Exception {
        org.alidav.config.AppConfig config = new org.alidav.config.AppConfig(
                new org.alidav.config.ServerSettings("127.0.0.1", 0, dir.resolve("data"), "info"), false, false,
                java.util.List.of(), java.util.List.of(), org.alidav.config.DownloadSettings.defaults(), "test");
        return new TestApp(dir, Application.start(config, true));
    }

    public static TestApp start(Path dir, String yaml, boolean sandbox) throws Exception {
        return start(dir, yaml, sandbox, Clock.systemUTC());
    }

    /** As above, the storages on {@code clock} (tokens, links and caches; the pacing stays on real time). */
    public static TestApp start(Path dir, String yaml, boolean sandbox, Clock clock) throws Exception {
        Files.createDirectories(dir);
        var loaded = new ConfigLoader(dir).parse(yaml, "test.yaml");
        return new TestApp(dir, Application.start(loaded.config(), sandbox, clock));
    }

    public TestApp as(String user, String password) {
        client.as(user, password);
        return this;
    }

    public String url(String encodedPath) {
        return client.url(encodedPath);
    }

    public HttpResponse<String> send(String method, String encodedPath, HttpRequest.BodyPublisher body, String... headers)
            throws Exception {
        return client.send(method, encodedPath, body, headers);
    }

    public HttpResponse<String> send(String method, String encodedPath, String body, String... headers) throws Exception {
        return client.send(method, encodedPath, body, headers);
    }

    @Override
    public void close() {
        app.close();
    }
}

package org.alidav;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.alidav.config.ConfigLoader;

/**
 * The whole server, assembled by {@link Application} from a YAML config exactly as {@code main}
 * does, in a temp dir, with a small HTTP client. {@code data_dir} and the local root default to
 * folders under {@code dir}; the port is ephemeral.
 */
public final class TestApp implements AutoCloseable {
    public final Path dir;
    public final Application app;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String authorization;

    private TestApp(Path dir, Application app) {
        this.dir = dir;
        this.app = app;
    }

    /** A server over one local folder ({@code dir/files}) at {@code /}; {@code extraYaml} is appended at top level. */
    public static TestApp local(Path dir, String extraYaml) throws Exception {
        String yaml = "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "'}\n" + extraYaml;
        return start(dir, yaml, false);
    }

    /** The server in {@code --sandbox} mode (the emulator mounted at {@code /}), no users, data under {@code dir/data}. */
    public static TestApp sandbox(Path dir) throws Exception {
        org.alidav.config.AppConfig config = new org.alidav.config.AppConfig(
                new org.alidav.config.ServerSettings("127.0.0.1", 0, dir.resolve("data"), "info"), false, false,
                java.util.List.of(), java.util.List.of(), org.alidav.config.DownloadSettings.defaults(), "test");
        return new TestApp(dir, Application.start(config, true));
    }

    public static TestApp start(Path dir, String yaml, boolean sandbox) throws Exception {
        Files.createDirectories(dir);
        var loaded = new ConfigLoader(dir).parse(yaml, "test.yaml");
        return new TestApp(dir, Application.start(loaded.config(), sandbox));
    }

    public TestApp as(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String url(String encodedPath) {
        return "http://127.0.0.1:" + app.port() + encodedPath;
    }

    public HttpResponse<String> send(String method, String encodedPath, HttpRequest.BodyPublisher body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(encodedPath))).method(method, body)
                .timeout(Duration.ofMinutes(5));
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String encodedPath, String body, String... headers) throws Exception {
        return send(method, encodedPath, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    @Override
    public void close() {
        app.close();
    }
}

package org.alidav.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.alidav.TestApp;
import org.alidav.aliyun.AliyunOpenDriverFactory;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.cache.Storage;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxServer;

/**
 * The whole server in {@code --sandbox} mode (the Open API emulator through the real driver, no
 * users, loopback), every download streamed through the server, and a second client of the same
 * cloud account ({@link #otherClient}) that writes through the Open API directly, never through
 * the WebDAV server: what another app on the user's phone would put in the drive.
 */
final class SandboxDav implements AutoCloseable {
    final TestApp app;
    final SandboxServer sandbox;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private Storage otherClient;

    SandboxDav(Path dir) throws Exception {
        this.dir = dir;
        String yaml = "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data") + "'}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("unused") + "'}\n"
                + "downloads:\n  client_rules:\n    - {user_agent: '.', policy: native_proxy}\n";
        app = TestApp.start(dir, yaml, true);
        sandbox = app.app.sandbox().orElseThrow();
    }

    CallStats stats() {
        return sandbox.stats();
    }

    /** The account's drive as another Open API client sees it (its own token, its own cache). */
    Storage otherClient() throws Exception {
        if (otherClient == null) {
            DriverOptions options = new DriverOptions(new AliyunOpenDriverFactory().options(), Map.of(
                    "refresh_token", sandbox.issueRefreshToken(sandbox.options().defaultUserName()),
                    "client_id", sandbox.clientId(),
                    "client_secret", sandbox.clientSecret(),
                    "api_base_url", sandbox.baseUrl()));
            otherClient = new Storage("other-client", new AliyunOpenDriverFactory().create(options,
                    org.alidav.TestContexts.of("other-client", Files.createDirectories(dir.resolve("other-client")), Clock.systemUTC())),
                    Duration.ofSeconds(1), Clock.systemUTC());
        }
        return otherClient;
    }

    HttpResponse<byte[]> send(String method, String encodedPath, byte[] body, String... headers) throws Exception {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(encodedPath))).method(method, p).timeout(Duration.ofMinutes(2));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        if (otherClient != null) otherClient.close();
        app.close();
    }
}

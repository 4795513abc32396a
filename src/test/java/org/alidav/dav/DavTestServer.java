package org.alidav.dav;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.alidav.dav.mount.MountSpec;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.local.LocalDriver;
import org.alidav.server.DavServer;
import org.alidav.server.ServerSetup;
import org.alidav.server.UserDirectory;
import org.alidav.state.StateStore;

/**
 * A real server on an ephemeral loopback port over local folders in a temp dir, and a small client.
 * Users: alice/secret (read-write), bob/reader (read-only), root/admin (read-write, admin).
 */
public final class DavTestServer implements AutoCloseable {
    public static final String USER = "alice";
    public static final String PASSWORD = "secret";

    public final Path dir;
    public final Path data;
    public final List<CountingDriver> drivers = new ArrayList<>();
    private final StateStore state;
    private final DavServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private String authorization = basic(USER, PASSWORD);

    private DavTestServer(Path dir, List<String> mountPaths, UnaryOperator<ServerSetup> customize) throws Exception {
        this.dir = dir;
        this.data = Files.createDirectories(dir.resolve("data"));
        List<MountSpec> mounts = new ArrayList<>();
        for (String m : mountPaths) {
            Path root = Files.createDirectories(dir.resolve("storage" + mounts.size()));
            CountingDriver d = new CountingDriver(new LocalDriver(root, Clock.systemUTC()));
            drivers.add(d);
            mounts.add(new MountSpec(m, new Storage("storage" + mounts.size(), d, Duration.ofSeconds(30), Clock.systemUTC()), false));
        }
        UserDirectory users = new UserDirectory(List.of(
                new UserDirectory.User(USER, UserDirectory.plainPassword(PASSWORD), false),
                new UserDirectory.User("bob", UserDirectory.plainPassword("reader"), true),
                new UserDirectory.User("root", UserDirectory.plainPassword("admin"), false, true)));
        state = StateStore.open(data.resolve("state.db"));
        try {
            server = DavServer.start(customize.apply(ServerSetup.of("127.0.0.1", 0, data, state, users, mounts)));
        } catch (Exception e) {
            state.close();
            throw e;
        }
    }

    public static DavTestServer start(Path dir, String... mountPaths) throws Exception {
        return new DavTestServer(dir, List.of(mountPaths.length == 0 ? new String[]{"/"} : mountPaths), s -> s);
    }

    public static DavTestServer start(Path dir, UnaryOperator<ServerSetup> customize, String... mountPaths) throws Exception {
        return new DavTestServer(dir, List.of(mountPaths.length == 0 ? new String[]{"/"} : mountPaths), customize);
    }

    public int port() {
        return server.port();
    }

    public Path storageRoot(int i) {
        return dir.resolve("storage" + i);
    }

    public String url(String encodedPath) {
        return "http://127.0.0.1:" + port() + encodedPath;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends requests as another user from now on (null for no credentials). */
    public DavTestServer as(String user, String password) {
        authorization = user == null ? null : basic(user, password);
        return this;
    }

    public HttpResponse<String> send(String method, String encodedPath, String body, String... headers) throws IOException, InterruptedException {
        return client.send(request(method, encodedPath, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> sendBytes(String method, String encodedPath, byte[] body, String... headers) throws IOException, InterruptedException {
        return client.send(request(method, encodedPath, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body), headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A PUT whose body has no announced length, so it goes out chunked. */
    public HttpResponse<String> putChunked(String encodedPath, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        return client.send(request("PUT", encodedPath, p, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String encodedPath, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(encodedPath))).timeout(Duration.ofSeconds(30)).method(method, body);
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b;
    }

    /** Sends raw bytes (paths no client library would send) and returns the status line's code. */
    public int raw(String requestHead, byte[] body, boolean closeEarly) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.UTF_8));
            if (body != null) out.write(body);
            out.flush();
            if (closeEarly) return -1;
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    public String authorizationHeader() {
        return authorization;
    }

    public List<String> driverCalls() {
        List<String> all = new ArrayList<>();
        drivers.forEach(d -> all.addAll(d.calls));
        return all;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            state.close();
        }
    }
}

package org.alidav.aliyun;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alidav.dav.mount.MountSpec;
import org.alidav.dav.download.DownloadPolicy;
import org.alidav.dav.download.PolicyResolver;
import org.alidav.dav.http.RangeRequest;
import org.alidav.dav.sign.LinkSigner;
import org.alidav.drive.DrivePath;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.Entry;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.remote.DownloadGate;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;
import org.alidav.server.Authenticator;
import org.alidav.server.DavServer;
import org.alidav.server.ServerSetup;
import org.alidav.state.StateStore;

/**
 * The download path end to end: the sandbox (links expire, downloads capped per user, as by
 * default), the real aliyundrive-open driver, a storage and the WebDAV server with a download
 * policy, on loopback. One fresh sandbox user per stack, so the per-user gates never mix.
 */
final class PolicyStack implements AutoCloseable {
    static final String GET_DOWNLOAD_URL = SandboxServer.API_PREFIX + "openFile/getDownloadUrl";
    static final byte[] SIGN_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    final SandboxServer sandbox;
    final Storage storage;
    final AliyunOpenDriver driver;
    final DavServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    final LinkSigner signer;
    final Path dir;
    private final StateStore state;

    /** How a test wants its stack. */
    static final class Spec {
        Clock clock = Clock.systemUTC();
        /** The driver's pacing: real time unless a test puts it on a clock of its own ({@link #pacedOn}). */
        UserPacing pacing = UserPacing.realTime();
        Duration linkLifetime = Duration.ofSeconds(900);
        int sandboxConcurrency = 3;
        boolean sandboxRateLimits = true;
        DownloadPolicy storagePolicy = DownloadPolicy.REDIRECT;
        String downProxyUrl = "https://proxy.example.com/base/";
        Duration signLifetime = Duration.ofHours(1);
        List<PolicyResolver.Rule> rules = new ArrayList<>();
        Map<String, Object> driverOptions = new HashMap<>();

        /**
         * The driver's pacing on {@code pacingClock}: a {@link TestPacingClock} when the sandbox runs on a
         * clock the test moves (its waits for a rate budget then cost no real time, and the calls the
         * sandbox sees per simulated second are the same), a {@link FastPacingClock} whose
         * {@link FastPacingClock#wallClock} is also the sandbox's.
         */
        Spec pacedOn(org.alidav.drive.remote.PacingClock pacingClock) {
            pacing = new UserPacing(pacingClock);
            return this;
        }

        Spec rule(String ua, DownloadPolicy p) {
            rules.add(new PolicyResolver.Rule(Pattern.compile(ua, Pattern.CASE_INSENSITIVE), Optional.empty(), p));
            return this;
        }
    }

    PolicyStack(Path dir, Spec spec) throws Exception {
        this.dir = dir;
        sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(Files.createDirectories(dir.resolve("sandbox")))
                .clock(spec.clock).linkLifetimeCap(spec.linkLifetime).downloadConcurrency(spec.sandboxConcurrency)
                .rateLimits(spec.sandboxRateLimits).build());
        Map<String, Object> o = new HashMap<>();
        o.put("refresh_token", sandbox.issueRefreshToken("user-" + System.nanoTime()));
        o.put("client_id", sandbox.clientId());
        o.put("client_secret", sandbox.clientSecret());
        o.put("api_base_url", sandbox.baseUrl());
        o.put("part_size", 8 << 20);
        o.putAll(spec.driverOptions);
        DriverOptions options = new DriverOptions(AliyunOptions.OPTIONS, o);
        driver = (AliyunOpenDriver) new AliyunOpenDriverFactory(spec.pacing, new TokenChains()).create(options,
                org.alidav.TestContexts.of("/", Files.createDirectories(dir.resolve("state")), spec.clock));
        if (!options.unknownKeys().isEmpty()) throw new IllegalStateException("unread options " + options.unknownKeys());
        storage = new Storage("/", driver, Duration.ofMinutes(10), spec.clock);
        signer = new LinkSigner(SIGN_KEY, spec.signLifetime, spec.clock);
        PolicyResolver policy = new PolicyResolver(
                Map.of(storage, new PolicyResolver.StoragePolicy(spec.storagePolicy, Optional.of(spec.downProxyUrl))),
                spec.rules, signer, "/d", RangeRequest.DEFAULT_MAX_RANGES);
        Path data = Files.createDirectories(dir.resolve("data"));
        state = StateStore.open(data.resolve("state.db"));
        server = DavServer.start(new ServerSetup("127.0.0.1", 0, data, state, false, true,
                Authenticator.ANYONE, List.of(new MountSpec("/", storage, false)), policy, List.of()));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Entry put(String name, byte[] content) {
        return storage.put(DrivePath.parse("/" + name), new ByteArrayInputStream(content), content.length, Instant.now(), null);
    }

    Entry put(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return storage.put(DrivePath.parse("/" + name), in, Files.size(file), Instant.now(), null);
        }
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws IOException, InterruptedException {
        return sendUrl(method, url(path), headers);
    }

    HttpResponse<byte[]> sendUrl(String method, String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(5));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * getDownloadUrl calls the sandbox answered with a link: a 429 that the driver's pacing then
     * waited out (the sandbox's rate limits on a busy machine) is the same call again, not another link.
     */
    long linkCalls() {
        return sandbox.stats().count(GET_DOWNLOAD_URL, 200);
    }

    long objectGets() {
        return sandbox.stats().count(CallStats.OBJECT_GET);
    }

    /**
     * Object reads since {@code before}, once at least {@code expected} of them are counted: the sandbox
     * counts a read when its handler ends, which can be after our client already closed the stream
     * (a probe reads the head of an object), so the count may lag the answer that followed it.
     */
    long objectGetsSince(long before, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (objectGets() - before < expected && System.nanoTime() < deadline) Thread.sleep(20);
        return objectGets() - before;
    }

    DownloadGate gate() {
        return driver.downloadGate();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            storage.close();
            sandbox.close();
            state.close();
        }
    }
}

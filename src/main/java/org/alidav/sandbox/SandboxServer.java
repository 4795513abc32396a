package org.alidav.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline AliyunDrive Open API emulator. {@link #start(SandboxOptions)} serves, on one loopback
 * port, the API ({@link #baseUrl()}), the online renew stand-in ({@link #renewApiUrl()}), the
 * object store that download and upload URLs point at ({@link #objectBaseUrl()}) and the page where
 * a QR-code login is approved as the phone would ({@link #authorizePage}).
 */
public final class SandboxServer implements AutoCloseable {
    public static final String API_PREFIX = "/adrive/v1.0/";
    /** File under the data directory holding the default user's first refresh token. */
    public static final String REFRESH_TOKEN_FILE = "sandbox-refresh-token.txt";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final SandboxOptions options;
    private final Server server;
    private final String baseUrl;
    private final int port;
    private final UserDirectory users;
    private final TokenService tokens;
    private final FileTree tree;
    private final AsyncTasks tasks;
    private final CallStats stats = new CallStats();
    private final FaultPlan faults;
    private final QrLogins logins;

    private SandboxServer(SandboxOptions options) throws Exception {
        this.options = options;
        Path dir = options.dataDir();
        Files.createDirectories(dir);
        users = new UserDirectory(dir, options);
        tokens = new TokenService(dir, options);
        UrlSigner signer = new UrlSigner(dir, options.clock());
        BlobStore blobs = new BlobStore(dir);
        PartStore parts = new PartStore(dir, blobs);
        tree = new FileTree(new MetadataJournal(dir));
        tasks = new AsyncTasks(options.asyncTaskDelay());
        logins = new QrLogins(options.clock());

        QueuedThreadPool pool = new QueuedThreadPool(256, 8);
        pool.setName("sandbox");
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        factory.setInputBufferSize(256 << 10); // part uploads arrive in large reads; pooled, so cheap when idle
        ServerConnector connector = new ServerConnector(server, factory);
        connector.setHost(options.host());
        connector.setPort(options.port());
        IdleConnections connections = new IdleConnections(connector);
        faults = new FaultPlan(tokens, signer, users, connections);
        try {
            connector.open(); // bind now: URLs handed out by handlers need the real port
            server.addConnector(connector);
            port = connector.getLocalPort();
            baseUrl = "http://" + hostForUrl(options.host()) + ":" + port;

            ObjectUrls urls = new ObjectUrls(baseUrl, signer, options.clock());
            DriveAccess access = new DriveAccess(tree, users, options);
            SpaceMeter space = new SpaceMeter(tree, options);
            ApiRoutes routes = new ApiRoutes();
            new OAuthHandlers(options, tokens, faults, logins).register(routes);
            new QrLoginHandlers(options, logins, baseUrl).register(routes);
            new UserHandlers(options, users, space).register(routes);
            new FileQueryHandlers(access, options, new FileObjectLinks(urls, faults, options.linkLifetimeCap())).register(routes);
            new FileMutationHandlers(access, blobs, parts, tasks, space, options.clock()).register(routes);
            new UploadHandlers(access, blobs, parts, urls, space, options).register(routes);
            new DownloadHandlers(access, blobs, urls, faults, options).register(routes);

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            RateLimiter limiter = new RateLimiter(options);
            context.addServlet(new ServletHolder(new ApiServlet(routes, options, tokens, users, limiter, faults, stats)), "/");
            context.addServlet(new ServletHolder(new DownloadServlet(blobs, signer, faults, stats, options)),
                    ObjectUrls.DOWNLOAD_PREFIX + "*");
            context.addServlet(new ServletHolder(new UploadServlet(tree, parts, signer, faults, stats, options)),
                    ObjectUrls.UPLOAD_PREFIX + "*");
            context.addServlet(new ServletHolder(new PlaylistServlet(signer, urls, stats, options)),
                    ObjectUrls.HLS_PREFIX + "*");
            ServletHolder authorizePage = new ServletHolder(new AuthorizePageServlet(logins, users, options.defaultUserName()));
            context.addServlet(authorizePage, AuthorizePageServlet.PAGE);
            context.addServlet(authorizePage, AuthorizePageServlet.PAGE + "/*");
            connections.setHandler(context);
            server.setHandler(connections);
            server.start();
        } catch (Exception e) {
            // do not leak the journal, the task thread or a bound port when startup fails
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            tasks.close();
            tree.close();
            throw e;
        }
        ensureDefaultUser();
        LOG.info("AliyunDrive sandbox listening on {} (data in {})", baseUrl, dir);
    }

    /** Starts a sandbox; close it when done. */
    public static SandboxServer start(SandboxOptions options) {
        try {
            return new SandboxServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start sandbox", e);
        }
    }

    /** API base, e.g. {@code http://127.0.0.1:PORT} (API paths are {@code /adrive/v1.0/...}, {@code /oauth/...}). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The online renew-API stand-in ({@code GET ?refresh_ui=..&server_use=true&driver_txt=alicloud_qr}). */
    public String renewApiUrl() {
        return baseUrl + OAuthHandlers.RENEW_API;
    }

    /** The bound port (useful to restart on the same port when the options asked for an ephemeral one). */
    public int port() {
        return port;
    }

    /** Where download/upload URLs point (same listener as the API). */
    public String objectBaseUrl() {
        return baseUrl;
    }

    public String clientId() {
        return options.clientId();
    }

    public String clientSecret() {
        return options.clientSecret();
    }

    public SandboxOptions options() {
        return options;
    }

    /** A fresh, valid refresh token for the user, who is created (with three drives) if absent. */
    public String issueRefreshToken(String userName) {
        return tokens.issueRefreshToken(users.getOrCreate(userName).userId(), TokenService.App.QR);
    }

    /**
     * A refresh token of the TV app for the user: only the renew stand-in refreshes it, and only when
     * asked with {@code driver_txt=alicloud_tv} (OpenList's {@code alipan_type: alipanTV}).
     */
    public String issueTvRefreshToken(String userName) {
        return tokens.issueRefreshToken(users.getOrCreate(userName).userId(), TokenService.App.TV);
    }

    /** The user (created if absent): user id and drive ids. */
    public SandboxUser user(String userName) {
        return users.getOrCreate(userName);
    }

    public SandboxUser defaultUser() {
        return users.getOrCreate(options.defaultUserName());
    }

    /** {@code <dataDir>/sandbox-refresh-token.txt}: the default user's initial refresh token. */
    public Path defaultRefreshTokenFile() {
        return options.dataDir().resolve(REFRESH_TOKEN_FILE);
    }

    /**
     * Every item in the user's drives, whatever its state; a live item below a trashed folder is in
     * the bin through it. Read from the service's state, for tests that must not trust a client.
     */
    public List<StoredItem> items(String userName) {
        Set<String> drives = new HashSet<>(users.getOrCreate(userName).allDriveIds());
        return tree.matching(n -> drives.contains(n.driveId())).stream().map(StoredItem::of).toList();
    }

    public CallStats stats() {
        return stats;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** The QR-code logins: codes issued, their life, how expiry is answered. */
    public QrLogins qrLogins() {
        return logins;
    }

    /** The page a QR code of {@code sid} encodes, where a login is approved as the phone would. */
    public String authorizePage(String sid) {
        return baseUrl + AuthorizePageServlet.PAGE + "?sid=" + sid;
    }

    /** Names of the items the default user put in the recycle bin (not their contents). */
    public List<String> trashedNames() {
        return trashedNames(options.defaultUserName());
    }

    public List<String> trashedNames(String userName) {
        Set<String> drives = new HashSet<>(users.getOrCreate(userName).allDriveIds());
        return tree.matching(n -> drives.contains(n.driveId()) && n.state() == FileNode.State.TRASHED).stream()
                .map(FileNode::name).sorted().toList();
    }

    /** Names of the user's uploads created and neither completed nor deleted. */
    public List<String> unfinishedUploads(String userName) {
        Set<String> drives = new HashSet<>(users.getOrCreate(userName).allDriveIds());
        return tree.matching(n -> drives.contains(n.driveId()) && n.state() == FileNode.State.UPLOADING).stream()
                .map(FileNode::name).sorted().toList();
    }

    @Override
    public void close() {
        faults.clear(); // held calls would keep the server from stopping
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the sandbox server failed", e);
        }
        tasks.close();
        tree.close();
    }

    private void ensureDefaultUser() throws IOException {
        SandboxUser user = defaultUser();
        Path file = defaultRefreshTokenFile();
        if (!Files.exists(file)) {
            String token = tokens.issueRefreshToken(user.userId(), TokenService.App.QR);
            AtomicFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
            LOG.info("default sandbox user '{}': initial refresh token written to {}", user.name(), file);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}

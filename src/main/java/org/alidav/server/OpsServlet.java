package org.alidav.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alidav.dav.http.UncachedBody;
import org.alidav.dav.mount.MountSpec;
import org.alidav.dav.mount.MountTable;
import org.alidav.drive.DrivePath;
import org.alidav.drive.cache.Storage;
import org.alidav.drive.cache.StorageHealth;
import org.alidav.log.LogText;
import org.alidav.metrics.Metrics;
import org.alidav.server.login.LoginPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator endpoints, under {@code /-/} (a folder named "-" at the root of a storage mounted at
 * {@code /} is therefore not reachable over WebDAV):
 * <ul>
 * <li>{@code GET /-/health}: JSON with each storage's state (credentials, last success, last
 * error, writes the maintenance pass left pending, names held by more than one item); 200 unless a
 * storage is down (its refresh token was refused), then 503; a storage that was never logged in
 * shows as {@code needs_login} and the whole as {@code degraded};</li>
 * <li>{@code GET /-/metrics}: Prometheus text format ({@link ServerMetrics}: API calls by endpoint
 * and outcome, 429s, token refreshes, cache hits and misses, active streams, upload and download
 * bytes, requests by method and status with their latency, JVM and process figures);</li>
 * <li>{@code POST /-/cache/drop?path=/mount/sub}: forgets the cached listings at and below that
 * WebDAV path (every storage when {@code path} is absent or {@code /}); answers how many;</li>
 * <li>{@code /-/login}: the login page ({@link LoginPage}).</li>
 * </ul>
 * When users are configured only users with {@code admin: true} may use them (401 without
 * credentials, 403 for other users); without users (loopback-only setups) they are open.
 */
final class OpsServlet extends HttpServlet {
    static final String PREFIX = "/-";
    private static final Logger log = LoggerFactory.getLogger(OpsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<MountSpec> mounts;
    private final ServerMetrics metrics;
    private final boolean open;
    private final LoginPage logins;

    /**
     * @param mounts the storages served
     * @param metrics what {@code /-/metrics} writes
     * @param open   true when no users are configured: every client may use the endpoints
     * @param logins the login page
     */
    OpsServlet(List<MountSpec> mounts, ServerMetrics metrics, boolean open, LoginPage logins) {
        this.mounts = List.copyOf(mounts);
        this.metrics = metrics;
        this.open = open;
        this.logins = logins;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!open) {
            Optional<Principal> p = Principal.of(req);
            if (p.isEmpty() || p.get() == Principal.ANONYMOUS) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"" + AuthFilter.REALM + "\"");
                UncachedBody.write(resp, 401, "text/plain; charset=utf-8", "authentication required\n");
                return;
            }
            if (!p.get().admin()) {
                UncachedBody.write(resp, 403, "text/plain; charset=utf-8", "user " + p.get().name() + " is not an admin\n");
                return;
            }
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String method = req.getMethod();
        switch (path) {
            case "/health" -> {
                if (!readOnlyMethod(method, resp)) return;
                health(resp);
            }
            case "/metrics" -> {
                if (!readOnlyMethod(method, resp)) return;
                ByteArrayOutputStream body = new ByteArrayOutputStream(16384);
                metrics.write(body);
                UncachedBody.write(resp, 200, Metrics.CONTENT_TYPE, body.toByteArray());
            }
            case "/cache/drop" -> {
                if (!method.equals("POST")) {
                    resp.setHeader("Allow", "POST");
                    UncachedBody.write(resp, 405, "text/plain; charset=utf-8", "use POST\n");
                    return;
                }
                String target = req.getParameter("path");
                int dropped = drop(mounts, target == null || target.isBlank() ? "/" : target);
                log.info("cache drop of {} by {}: {} listings", LogText.escape(target == null ? "/" : target),
                        LogText.escape(Principal.of(req).map(Principal::name).orElse("?")), dropped);
                ObjectNode body = JSON.createObjectNode().put("path", target == null ? "/" : target).put("dropped", dropped);
                UncachedBody.write(resp, 200, "application/json", JSON.writeValueAsString(body) + "\n");
            }
            case LoginPage.PAGE, LoginPage.STATUS -> logins.serve(path, req, resp);
            default -> UncachedBody.write(resp, 404, "text/plain; charset=utf-8",
                    "unknown operator endpoint; try /-/health, /-/metrics, /-/login or POST /-/cache/drop\n");
        }
    }

    private static boolean readOnlyMethod(String method, HttpServletResponse resp) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) return true;
        resp.setHeader("Allow", "GET, HEAD");
        UncachedBody.write(resp, 405, "text/plain; charset=utf-8", "use GET\n");
        return false;
    }

    /** Drops the listings at and below a WebDAV path in every storage it touches; answers how many. */
    static int drop(List<MountSpec> mounts, String davPath) {
        List<String> target = MountTable.names(davPath);
        int dropped = 0;
        for (MountSpec m : mounts) {
            List<String> at = MountTable.names(m.mountPath());
            if (target.size() >= at.size() && target.subList(0, at.size()).equals(at)) {
                dropped += m.storage().invalidate(new DrivePath(target.subList(at.size(), target.size())));
            } else if (at.size() > target.size() && at.subList(0, target.size()).equals(target)) {
                dropped += m.storage().invalidate(DrivePath.ROOT);
            }
        }
        return dropped;
    }

    private void health(HttpServletResponse resp) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("storages");
        String overall = "ok";
        for (MountSpec m : mounts) {
            StorageHealth.Report r = m.storage().health();
            ObjectNode s = list.addObject();
            s.put("mount", m.mountPath());
            s.put("status", r.status());
            s.put("token", r.token() == null ? "n/a" : r.token().name().toLowerCase(java.util.Locale.ROOT));
            s.put("last_success", iso(r.lastSuccess()));
            s.put("last_error", r.lastError());
            s.put("last_error_at", iso(r.lastErrorAt()));
            s.put("cached_folders", m.storage().cachedFolders());
            s.put("active_streams", m.storage().activeStreams());
            r.pending().forEach(s.putArray("pending_writes")::add);
            ObjectNode duplicates = s.putObject("duplicate_names");
            r.duplicates().forEach(duplicates::put);
            if (r.status().equals("down")) overall = "down";
            else if (!r.status().equals("ok") && overall.equals("ok")) overall = "degraded"; // degraded or needs_login
        }
        root.put("status", overall);
        UncachedBody.write(resp, overall.equals("down") ? 503 : 200, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }


}

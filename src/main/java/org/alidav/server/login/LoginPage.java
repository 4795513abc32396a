package org.alidav.server.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alidav.dav.http.Html;
import org.alidav.dav.http.RequestOrigin;
import org.alidav.log.LogText;
import org.alidav.server.OpsResponse;
import org.alidav.login.LoginAttempt;
import org.alidav.login.QrCodes;
import org.alidav.login.LoginStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /-/login}: logs a storage in with a QR code, in a browser, without a restart.
 * <ul>
 * <li>{@code GET /-/login}: the {@code aliyundrive-open} storages, those that need a login first,
 * each with a button that starts one;</li>
 * <li>{@code GET /-/login?mount=/m}: starts a login for {@code /m} at once, or shows the one in
 * progress, with the QR code (an SVG drawn here: the browser fetches nothing elsewhere), the link as
 * text, and the status, which a few lines of script keep current from {@code /-/login/status};</li>
 * <li>{@code POST /-/login?mount=/m}: starts a login and redirects to the page above (the button);</li>
 * <li>{@code GET /-/login/status?mount=/m}: {@code {"phase", "message", "sid"}} of the login.</li>
 * </ul>
 * Starting a login is refused across sites: a POST must come from this origin, and a GET that a
 * browser marks as coming from another site only shows the button. The page shows who logged in,
 * never a token. A finished login is saved in the storage's token file, which the storage's driver
 * watches: it serves with it at its next request.
 */
public final class LoginPage implements AutoCloseable {
    public static final String PAGE = "/login";
    public static final String STATUS = "/login/status";
    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BACK = "<p><a href=\"/-/login\">All storages</a></p>";

    private final Map<String, LoginTarget> targets = new LinkedHashMap<>();
    private final LoginSessions sessions = new LoginSessions();

    public LoginPage(List<LoginTarget> targets) {
        targets.forEach(t -> this.targets.put(t.mount(), t));
    }

    /** Answers {@code path} ({@link #PAGE} or {@link #STATUS}, below {@code /-}); the caller checked who may. */
    public void serve(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String mount = req.getParameter("mount");
        Optional<LoginTarget> target = mount == null ? Optional.empty() : Optional.ofNullable(targets.get(mount));
        if (mount != null && target.isEmpty()) {
            page(resp, 404, "No such storage", "<p>No AliyunDrive storage is mounted at <code>" + Html.escape(mount)
                    + "</code>.</p>" + BACK, null);
            return;
        }
        switch (req.getMethod() + " " + path) {
            case "GET " + PAGE, "HEAD " + PAGE -> {
                if (target.isEmpty()) list(resp);
                else if (crossSite(req)) confirm(resp, target.get());
                else attempt(resp, target.get(), target.get().app().hasCredentials() ? sessions.open(target.get()) : null);
            }
            case "POST " + PAGE -> {
                if (target.isEmpty() || crossSite(req)) {
                    page(resp, 403, "Refused", "<p>A login is started from this server's own page.</p>" + BACK, null);
                    return;
                }
                if (target.get().app().hasCredentials()) sessions.begin(target.get());
                resp.setStatus(303);
                resp.setHeader("Location", pageUrl(target.get().mount()));
            }
            case "GET " + STATUS -> status(resp, target);
            default -> {
                resp.setHeader("Allow", path.equals(PAGE) ? "GET, HEAD, POST" : "GET");
                page(resp, 405, "Method not allowed", "<p>Use the page.</p>" + BACK, null);
            }
        }
    }

    private void list(HttpServletResponse resp) throws IOException {
        StringBuilder rows = new StringBuilder();
        List<LoginTarget> ordered = targets.values().stream().sorted((a, b) -> Boolean.compare(b.needsLogin(), a.needsLogin())).toList();
        for (LoginTarget t : ordered) {
            rows.append("<tr><td><code>").append(Html.escape(t.mount())).append("</code></td><td>").append(stateText(t)).append("</td><td>");
            if (t.app().hasCredentials()) rows.append(startButton(t, t.needsLogin() ? "Log in" : "Log in again"));
            else rows.append("no client_id/client_secret: the QR login needs your own app");
            rows.append("</td></tr>");
        }
        String body = targets.isEmpty() ? "<p>No AliyunDrive storage is configured.</p>"
                : "<table><tr><th>Storage</th><th>Login</th><th></th></tr>" + rows + "</table>"
                + "<p>Or in a terminal: <code>alidav login --mount &lt;mount&gt;</code>.</p>";
        page(resp, 200, "AliyunDrive logins", body, null);
    }

    private static String stateText(LoginTarget t) {
        return switch (t.token()) {
            case NEEDS_LOGIN -> "<strong>not logged in</strong>";
            case DEAD -> "<strong>the login expired or was revoked</strong>";
            case FAILING -> "logged in (the last token refresh failed; it is retried)";
            case OK, UNKNOWN -> "logged in";
        };
    }

    private static String startButton(LoginTarget t, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(pageUrl(t.mount())) + "\"><button>" + label + "</button></form>";
    }

    private void confirm(HttpServletResponse resp, LoginTarget t) throws IOException {
        page(resp, 200, "Log in storage " + t.mount(), "<p>Log in the storage <code>" + Html.escape(t.mount()) + "</code>?</p>"
                + startButton(t, "Log in") + BACK, null);
    }

    private void attempt(HttpServletResponse resp, LoginTarget t, LoginAttempt attempt) throws IOException {
        if (attempt == null) {
            page(resp, 409, "No app for " + t.mount(), "<p>The storage <code>" + Html.escape(t.mount()) + "</code> has no "
                    + "<code>client_id</code> and <code>client_secret</code>: the QR login uses your own Open Platform app. Put them "
                    + "in the config (see docs/getting-started.md) and restart.</p>" + BACK, null);
            return;
        }
        LoginStatus s = attempt.current();
        StringBuilder body = new StringBuilder();
        boolean showCode = s.ticket() != null && !s.phase().finished();
        if (showCode) {
            String link = Html.escape(s.ticket().link());
            body.append("<div class=\"qr\">").append(QrCodes.svg(s.ticket().link())).append("</div>")
                    .append("<p>Scan the code with the AliyunDrive app, then confirm the login in the app. Or open this link on ")
                    .append("your phone or in a browser:<br><a href=\"").append(link).append("\" rel=\"noreferrer\">").append(link)
                    .append("</a></p>");
        }
        body.append("<p id=\"status\" class=\"").append(s.phase().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                .append(Html.escape(statusLine(t, s))).append("</p>");
        if (s.phase().finished()) body.append(startButton(t, s.phase() == LoginStatus.Phase.DONE ? "Log in again" : "Try again"));
        body.append(BACK);
        String watch = showCode ? "<div id=\"watch\" data-status=\"" + Html.escape(statusUrl(t.mount())) + "\" data-sid=\""
                + Html.escape(s.ticket().sid()) + "\"></div>" : "";
        page(resp, 200, "Log in storage " + t.mount(), body + watch, showCode ? SCRIPT : null);
    }

    /** One line about the login, naming who logged in when it is done (never a token). */
    private static String statusLine(LoginTarget t, LoginStatus s) {
        return switch (s.phase()) {
            case WAITING -> "Waiting for the scan.";
            case SCANNED -> "Scanned: confirm the login in the AliyunDrive app.";
            case EXPIRED -> "The code expired; this is a fresh one. Waiting for the scan.";
            case DONE -> "Done: logged in as " + s.result().account().name() + " (user id " + s.result().account().userId()
                    + "). The storage " + t.mount() + " serves now.";
            case FAILED, CANCELLED -> "The login ended: " + s.message();
        };
    }

    private void status(HttpServletResponse resp, Optional<LoginTarget> target) throws IOException {
        Optional<LoginStatus> s = target.flatMap(t -> sessions.last(t.mount())).map(LoginAttempt::current);
        if (s.isEmpty()) {
            page(resp, 404, "No login", "<p>No login was started for this storage.</p>" + BACK, null);
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("phase", s.get().phase().name().toLowerCase(java.util.Locale.ROOT));
        o.put("message", statusLine(target.get(), s.get()));
        o.put("sid", s.get().ticket() == null ? null : s.get().ticket().sid());
        OpsResponse.write(resp, 200, "application/json", JSON.writeValueAsString(o));
    }

    /**
     * A browser says where a request comes from ({@code Sec-Fetch-Site}, and {@code Origin} on a
     * POST); either naming another site refuses a start. Clients that send neither (curl) are let in:
     * they are not a browser another site can steer.
     */
    private static boolean crossSite(HttpServletRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return true;
        String origin = req.getHeader("Origin");
        boolean foreign = origin != null && !origin.equals(RequestOrigin.of(req));
        if (foreign) LOG.info("login page: refused a start from {}", LogText.escape(origin));
        return foreign;
    }

    private static String pageUrl(String mount) {
        return "/-" + PAGE + "?mount=" + URLEncoder.encode(mount, StandardCharsets.UTF_8);
    }

    private static String statusUrl(String mount) {
        return "/-" + STATUS + "?mount=" + URLEncoder.encode(mount, StandardCharsets.UTF_8);
    }

    /**
     * Polls the status every 2 s: a new phase replaces the line, a fresh code (another sid) or the
     * end reloads the page, which then draws the new code or the outcome.
     */
    private static final String SCRIPT = """
            const w = document.getElementById('watch');
            const line = document.getElementById('status');
            const poll = async () => {
              try {
                const r = await fetch(w.dataset.status, {cache: 'no-store'});
                if (r.ok) {
                  const s = await r.json();
                  if (s.sid !== w.dataset.sid || ['done', 'failed', 'cancelled'].includes(s.phase)) { location.reload(); return; }
                  line.textContent = s.message;
                  line.className = s.phase;
                }
              } catch (e) { /* the server may be restarting: try again */ }
              setTimeout(poll, 2000);
            };
            setTimeout(poll, 2000);
            """;

    private static void page(HttpServletResponse resp, int status, String title, String body, String script) throws IOException {
        String nonce = Base64.getEncoder().encodeToString(nonceBytes());
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + nonce
                + "'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + " - AliDAV</title>"
                + (script == null ? "" : "<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>")
                + "<style>" + STYLE + "</style></head><body><h1>" + Html.escape(title) + "</h1>" + body
                + (script == null ? "" : "<script nonce=\"" + nonce + "\">" + script + "</script>") + "</body></html>\n";
        OpsResponse.write(resp, status, "text/html; charset=utf-8", html);
    }

    private static byte[] nonceBytes() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return b;
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:40em;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:.4em .8em;text-align:left;border-bottom:1px solid #ddd}"
            + ".qr svg{width:264px;height:264px;display:block}a{word-break:break-all}"
            + ".done{color:#176317;font-weight:bold}.failed,.cancelled{color:#a40000;font-weight:bold}";

    /** Cancels logins still running. */
    @Override
    public void close() {
        sessions.close();
    }
}

package org.alidav.sandbox;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The emulator's stand-in for the phone: the authorization page a QR code encodes,
 * {@code GET /o/oauth/authorize?sid=<sid>} (the official page's path), with one button that scans and
 * confirms as the app would; and the plain steps {@code POST /o/oauth/authorize/scan?sid=} and
 * {@code POST /o/oauth/authorize/confirm?sid=[&user=<name>]} for tests and scripts (204, or 303 back
 * to the page for a browser's form). A confirmed login is the default user's unless {@code user}
 * names another (created if absent). 409 when the code is unknown or expired. The page shows only
 * the sid, checked to be hex, so it needs no escaping.
 */
final class AuthorizePageServlet extends HttpServlet {
    static final String PAGE = "/o/oauth/authorize";
    private static final Pattern SID = Pattern.compile("[0-9a-f]{1,64}");

    private final QrLogins logins;
    private final UserDirectory users;
    private final String defaultUser;

    AuthorizePageServlet(QrLogins logins, UserDirectory users, String defaultUser) {
        this.logins = logins;
        this.users = users;
        this.defaultUser = defaultUser;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sid = sid(req, resp);
        if (sid == null) return;
        if (req.getPathInfo() != null) {
            resp.sendError(405);
            return;
        }
        QrLogins.Stage stage = logins.status(sid).stage();
        String state = switch (stage) {
            case WAITING -> "waiting for the phone";
            case SCANNED -> "scanned, waiting for the confirmation";
            case CONFIRMED -> "approved: the program that showed the code can go on";
            case EXPIRED -> "this code expired (or never existed); ask for a fresh one";
        };
        boolean open = stage == QrLogins.Stage.WAITING || stage == QrLogins.Stage.SCANNED;
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sandbox login</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: sans-serif; max-width: 32em; margin: 2em auto">
                <h1>AliyunDrive sandbox: approve a login</h1>
                <p>This page stands in for the AliyunDrive app: approving here is what scanning the QR code
                and confirming in the app does on a real account.</p>
                <p>Code <code>%s</code>: <strong>%s</strong>.</p>
                %s
                </body></html>
                """.formatted(sid, state, open ? """
                <form method="post" action="%s/confirm?sid=%s">
                <button type="submit">Approve as the sandbox's default user</button>
                </form>
                """.formatted(PAGE, sid) : "");
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sid = sid(req, resp);
        if (sid == null) return;
        String step = req.getPathInfo() == null ? "" : req.getPathInfo();
        boolean done;
        switch (step) {
            case "/scan" -> done = logins.scan(sid);
            case "/confirm" -> {
                String user = req.getParameter("user");
                String name = user == null || user.isBlank() ? defaultUser : user.trim();
                done = logins.confirm(sid, users.getOrCreate(name).userId());
            }
            default -> {
                resp.sendError(404);
                return;
            }
        }
        if (!done) {
            resp.sendError(409, "the code is unknown or expired");
        } else if (accepts(req, "text/html")) {
            resp.setStatus(303);
            resp.setHeader("Location", PAGE + "?sid=" + sid);
        } else {
            resp.setStatus(204);
        }
    }

    private static String sid(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sid = req.getParameter("sid");
        if (sid == null || !SID.matcher(sid).matches()) {
            resp.sendError(400, "sid is missing or malformed");
            return null;
        }
        return sid;
    }

    private static boolean accepts(HttpServletRequest req, String type) {
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains(type);
    }
}

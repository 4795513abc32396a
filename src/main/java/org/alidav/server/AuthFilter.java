package org.alidav.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.alidav.dav.mount.MountScope;
import org.alidav.dav.OptionsAnswer;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication and write permission, before anything else sees the request. Without
 * credentials: 401 with {@code WWW-Authenticate: Basic realm="AliDAV"}, unless anonymous access is
 * allowed; OPTIONS without credentials gets the same fixed answer for every path ({@link OptionsAnswer}:
 * Windows and Finder probe with it before logging in), which looks nothing up. Wrong credentials
 * count against the client address and the user name ({@link LoginThrottle}: 429 once it guessed
 * too often). Write methods by a read-only user, or on a read-only server, are 403. The user's
 * {@link MountScope} goes with the request to the WebDAV layer.
 */
final class AuthFilter extends HttpFilter {
    static final String REALM = "AliDAV";
    private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);
    private static final Set<String> WRITE_METHODS = Set.of("PUT", "DELETE", "MKCOL", "MOVE", "COPY", "PROPPATCH", "LOCK", "UNLOCK", "POST");

    private final Authenticator authenticator;
    private final boolean allowAnonymous;
    private final boolean readOnly;
    private final LoginThrottle throttle;
    private final OptionsAnswer anonymousOptions;

    AuthFilter(Authenticator authenticator, boolean allowAnonymous, boolean readOnly, LoginThrottle throttle, OptionsAnswer anonymousOptions) {
        this.authenticator = authenticator;
        this.allowAnonymous = allowAnonymous;
        this.readOnly = readOnly;
        this.throttle = throttle;
        this.anonymousOptions = anonymousOptions;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        Optional<Credentials> credentials = Credentials.of(req.getHeader("Authorization"));
        if (credentials.isEmpty() && !allowAnonymous && req.getMethod().equals("OPTIONS")) {
            anonymousOptions.write(resp);
            return;
        }
        String address = req.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(address, credentials.map(Credentials::user).orElse(null));
        if (wait.isPresent()) {
            tooManyAttempts(resp, wait.get());
            return;
        }
        Principal principal;
        if (credentials.isPresent()) {
            String user = credentials.get().user();
            Optional<Principal> p = authenticator.authenticate(user, credentials.get().password());
            if (p.isEmpty()) {
                log.info("failed login for user '{}' from {}", LogText.escape(user), LogText.escape(address));
                throttle.failed(address, user);
                challenge(resp);
                return;
            }
            throttle.succeeded(address, user);
            principal = p.get();
        } else if (allowAnonymous) {
            principal = Principal.ANONYMOUS;
        } else {
            challenge(resp);
            return;
        }
        req.setAttribute(Principal.ATTRIBUTE, principal);
        req.setAttribute(MountScope.ATTRIBUTE, principal.mounts());
        // the operator endpoints write no files: OpsServlet checks their own (admin) permission
        if (WRITE_METHODS.contains(req.getMethod()) && !req.getRequestURI().startsWith(OpsServlet.PREFIX + "/")
                && (readOnly || principal.readOnly())) {
            plain(resp, HttpServletResponse.SC_FORBIDDEN, readOnly ? "this server is read-only" : "user " + principal.name() + " is read-only");
            return;
        }
        chain.doFilter(req, resp);
    }

    private static void challenge(HttpServletResponse resp) throws IOException {
        resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        plain(resp, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
    }

    private static void tooManyAttempts(HttpServletResponse resp, Duration wait) throws IOException {
        resp.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        plain(resp, 429, "too many failed logins; try again later");
    }

    private static void plain(HttpServletResponse resp, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The user and password of a Basic Authorization header. */
    record Credentials(String user, String password) {
        static Optional<Credentials> of(String header) {
            if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Credentials("", ""));
            }
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? new Credentials(decoded, "") : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }
}

package org.alidav.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Front door of every API route: User-Agent check, injected faults (before), bearer auth, frozen
 * accounts, rate limits, body parsing, the route's handler, injected faults (after). Every answer
 * but an injected one is {@code application/json}; errors are {@code {code,message,requestId}} with
 * status >= 400.
 */
final class ApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final ApiRoutes routes;
    private final SandboxOptions options;
    private final TokenService tokens;
    private final UserDirectory users;
    private final RateLimiter limiter;
    private final FaultPlan faults;
    private final CallStats stats;
    private final FaultResponder responder;

    ApiServlet(ApiRoutes routes, SandboxOptions options, TokenService tokens, UserDirectory users,
               RateLimiter limiter, FaultPlan faults, CallStats stats) {
        this.routes = routes;
        this.options = options;
        this.tokens = tokens;
        this.users = users;
        this.limiter = limiter;
        this.faults = faults;
        this.stats = stats;
        this.responder = new FaultResponder(stats);
    }

    /**
     * Every outcome is counted before its answer is written: a client may read the answer (and a test
     * the counters) before this method returns.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        try {
            dispatch(req, resp, path);
        } catch (ApiException e) {
            writeError(resp, path, e);
        } catch (IOException e) {
            // the connection went away (client gone, server stopping): nobody is left to answer
            LOG.debug("I/O error on {}: {}", LogText.escape(path), e.toString());
            if (!resp.isCommitted()) stats.record(path, CallStats.DROPPED);
        } catch (RuntimeException e) {
            LOG.error("internal error on {}", LogText.escape(path), e);
            writeError(resp, path, new ApiException(500, "InternalError", "Internal Server Error"));
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        ApiRoutes.Route route = routes.find(req.getMethod(), path);
        if (route == null) {
            throw routes.knownPath(path)
                    ? new ApiException(405, "MethodNotAllowed", "Request method '" + req.getMethod() + "' not supported")
                    : new ApiException(404, "NotFound", "No route for " + path);
        }
        String ua = req.getHeader("User-Agent");
        if (route.strictUserAgent() && options.requireUserAgent() && (ua == null || ua.isBlank())) {
            // What the real service does without a User-Agent: an internal error (docs/open-api.md, "Requests").
            throw new ApiException(500, "InternalError", "java.lang.NullPointerException");
        }
        if (responder.apply(faults, Fault.Phase.BEFORE, path, req, resp) != FaultResponder.Outcome.GO_ON) {
            return;
        }
        SandboxUser user = null;
        String accessToken = null;
        if (route.authenticated()) {
            accessToken = bearer(req);
            String userId = tokens.authenticate(accessToken);
            user = users.byUserId(userId).orElseThrow(
                    () -> new ApiException(401, "AccessTokenInvalid", "AccessToken is invalid. user not found"));
            if (faults.isFrozen(userId)) {
                throw new ApiException(403, "UserNotAllowedAccessResource",
                        "user not allowed access resource for violation");
            }
            limiter.acquire(userId, route.rateClass());
        } else {
            limiter.acquire(req.getRemoteAddr(), route.rateClass());
        }
        RequestBody body = "POST".equals(req.getMethod()) ? RequestBody.read(req) : new RequestBody(Json.object());
        Object result = route.handler().handle(new ApiCall(req, body, user, accessToken));
        if (responder.apply(faults, Fault.Phase.AFTER, path, req, resp) != FaultResponder.Outcome.GO_ON) {
            return;
        }
        if (result instanceof ApiResponse r) {
            writeJson(resp, path, r.status(), r.body());
        } else {
            writeJson(resp, path, 200, result);
        }
    }

    private static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "AccessTokenInvalid", "AccessToken is invalid. ErrMissingToken");
        }
        return h.substring(7).trim();
    }

    private void writeError(HttpServletResponse resp, String path, ApiException e) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        e.headers.forEach(resp::setHeader);
        ObjectNode body = Json.object();
        body.put("code", e.code);
        body.put("message", e.getMessage());
        body.put("requestId", Ids.requestId());
        writeJson(resp, path, e.status, body);
    }

    private void writeJson(HttpServletResponse resp, String path, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        stats.record(path, status);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setHeader("x-ca-request-id", Ids.requestId().toLowerCase(Locale.ROOT));
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}

package org.alidav.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The route table that handler groups register into. A path segment {@code *} matches any one
 * segment (the sid in {@code /oauth/qrcode/<sid>/status}).
 */
final class ApiRoutes {
    /** One route; {@code authenticated} routes need a bearer token, {@code strictUserAgent} a User-Agent. */
    record Route(String method, String path, RateLimiter.RateClass rateClass, boolean authenticated,
                 boolean strictUserAgent, ApiHandler handler) {
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final Set<String> paths = new HashSet<>();

    /** A bearer-authenticated POST under {@code /adrive/v1.0/}. */
    void post(String relativePath, RateLimiter.RateClass rateClass, ApiHandler handler) {
        add(new Route("POST", SandboxServer.API_PREFIX + relativePath, rateClass, true, true, handler));
    }

    void add(Route r) {
        routes.put(r.method() + " " + r.path(), r);
        paths.add(r.path());
    }

    Route find(String method, String path) {
        Route exact = routes.get(method + " " + path);
        if (exact != null) return exact;
        return routes.values().stream().filter(r -> r.method().equals(method) && matches(r.path(), path)).findFirst().orElse(null);
    }

    boolean knownPath(String path) {
        return paths.contains(path) || paths.stream().anyMatch(p -> matches(p, path));
    }

    /** Whether {@code template} (with {@code *} segments) matches {@code path}; templates without one match only exactly. */
    private static boolean matches(String template, String path) {
        if (!template.contains("*")) return false;
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) return false;
        for (int i = 0; i < t.length; i++) {
            if (!(t[i].equals("*") ? !p[i].isEmpty() : t[i].equals(p[i]))) return false;
        }
        return true;
    }
}

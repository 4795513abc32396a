package org.alidav.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The route table that handler groups register into. */
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
        return routes.get(method + " " + path);
    }

    boolean knownPath(String path) {
        return paths.contains(path);
    }
}

package org.alidav.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;

/**
 * Requests answered, by method and status: one latency histogram, whose {@code _count} is the
 * request count. The labels stay few whatever clients send: a method outside WebDAV's and HTTP's
 * own becomes {@code other}, and no label carries a path or a user.
 */
public final class RequestMetrics {
    static final String NAME = "alidav_http_request_duration_seconds";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "PROPFIND",
            "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK");
    /** From a cached PROPFIND (ms) to a film streamed through the proxy (minutes, lands in +Inf). */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final Histogram duration;

    public RequestMetrics(PrometheusRegistry registry) {
        duration = Histogram.builder().name(NAME)
                .help("time from the request line to the last byte of the answer, by method and status; _count counts requests")
                .labelNames("method", "status").classicOnly().classicUpperBounds(BOUNDS).register(registry);
    }

    /** One answered request. */
    public void record(String method, int status, long nanos) {
        duration.labelValues(METHODS.contains(method) ? method : "other", Integer.toString(status)).observe(nanos / 1e9);
    }
}

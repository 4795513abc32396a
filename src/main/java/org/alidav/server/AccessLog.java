package org.alidav.server;

import java.util.concurrent.TimeUnit;
import org.alidav.log.LogText;
import org.alidav.metrics.RequestMetrics;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every request ends: counted in the request metrics, and one INFO line: client address, method, decoded path, status, bytes sent, milliseconds,
 * user. The address is the TCP peer's, or the forwarded client's when the peer is a trusted proxy
 * ({@link ForwardedHeaders}). Never the query string (signed links carry signatures there), never a
 * header; the path is escaped ({@link LogText}) so a {@code %0a} in it cannot start a forged line.
 */
final class AccessLog implements RequestLog {
    private static final Logger log = LoggerFactory.getLogger("org.alidav.access");

    private final RequestMetrics metrics;

    /** @param metrics counts every request, whether or not the line is logged */
    AccessLog(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = NanoTime.since(request.getBeginNanoTime());
        metrics.record(request.getMethod(), response.getStatus(), nanos);
        if (!log.isInfoEnabled()) return;
        Object principal = request.getAttribute(Principal.ATTRIBUTE);
        String user = principal instanceof Principal p ? p.name() : "-";
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        log.info("{} {} {} {} {} {}ms {}", LogText.escape(Request.getRemoteAddr(request)), LogText.escape(request.getMethod()),
                LogText.escape(request.getHttpURI().getDecodedPath()), response.getStatus(),
                Response.getContentBytesWritten(response), ms, LogText.escape(user));
    }
}

package org.alidav.server;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request: method, decoded path, status, bytes sent, milliseconds, user. Never the
 * query string (signed links carry signatures there), never a header.
 */
final class AccessLog implements RequestLog {
    private static final Logger log = LoggerFactory.getLogger("org.alidav.access");

    @Override
    public void log(Request request, Response response) {
        if (!log.isInfoEnabled()) return;
        Object principal = request.getAttribute(Principal.ATTRIBUTE);
        String user = principal instanceof Principal p ? p.name() : "-";
        long ms = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(request.getBeginNanoTime()));
        String path = request.getHttpURI().getDecodedPath();
        log.info("{} {} {} {} {}ms {}", request.getMethod(), path == null ? "-" : path, response.getStatus(),
                Response.getContentBytesWritten(response), ms, user);
    }
}

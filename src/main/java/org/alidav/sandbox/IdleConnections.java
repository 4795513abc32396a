package org.alidav.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Knows which connections are serving a request, so {@link FaultPlan#closeIdleConnections()} can close
 * every other one, as a server does with kept-alive connections past its idle timeout: a client that
 * sends its next call on one finds it closed. {@link FaultPlan#closeIdleConnectionsAfter} sets that
 * idle timeout itself.
 */
final class IdleConnections extends Handler.Wrapper {
    private final Set<EndPoint> known = ConcurrentHashMap.newKeySet();
    private final Map<EndPoint, Integer> busy = new ConcurrentHashMap<>();
    private final ServerConnector connector;
    private final long defaultIdleTimeoutMillis;

    IdleConnections(ServerConnector connector) {
        this.connector = connector;
        this.defaultIdleTimeoutMillis = connector.getIdleTimeout();
    }

    /**
     * Closes kept-alive connections once idle for {@code idle} (Jetty's idle timeout, for open
     * connections too), as the service's hosts do; null restores the default.
     */
    void closeAfter(Duration idle) {
        long millis = idle == null ? defaultIdleTimeoutMillis : idle.toMillis();
        connector.setIdleTimeout(millis);
        for (EndPoint e : connector.getConnectedEndPoints()) e.setIdleTimeout(millis);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        known.add(endPoint);
        busy.merge(endPoint, 1, Integer::sum);
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, () -> done(endPoint)));
            return handled;
        } finally {
            if (!handled) done(endPoint);
        }
    }

    /** Closes the open connections serving no request; answers how many. */
    int closeIdle() {
        known.removeIf(e -> !e.isOpen());
        int closed = 0;
        for (EndPoint e : known) {
            if (!busy.containsKey(e)) {
                e.close();
                closed++;
            }
        }
        known.removeIf(e -> !e.isOpen());
        return closed;
    }

    private void done(EndPoint endPoint) {
        busy.computeIfPresent(endPoint, (e, n) -> n > 1 ? n - 1 : null);
    }
}

package org.alidav.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Knows which connections are serving a request, so {@link FaultPlan#closeIdleConnections()} can close
 * every other one, as a server does with kept-alive connections past its idle timeout: a client that
 * sends its next call on one finds it closed.
 */
final class IdleConnections extends Handler.Wrapper {
    private final Set<EndPoint> known = ConcurrentHashMap.newKeySet();
    private final Map<EndPoint, Integer> busy = new ConcurrentHashMap<>();

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

package org.alidav.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Closing the TCP connection under a request, for the dropped-connection and broken-download faults. */
final class Connections {
    private Connections() {
    }

    static void drop(HttpServletRequest req) {
        ServletContextRequest r = ServletContextRequest.getServletContextRequest(req);
        r.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}

package org.alidav.server.guard;

import org.alidav.log.LogText;
import org.eclipse.jetty.server.Request;

/** "PUT /a/b from 192.0.2.7", escaped, for the guards' log lines. */
final class ClientRequestText {
    private ClientRequestText() {
    }

    static String of(Request request) {
        return LogText.escape(request.getMethod()) + " " + LogText.escape(request.getHttpURI().getDecodedPath())
                + " from " + LogText.escape(Request.getRemoteAddr(request));
    }
}

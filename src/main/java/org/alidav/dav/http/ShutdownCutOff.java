package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * A request body that broke off because this server is stopping, not because the client left:
 * logged once as a shutdown where it is noticed, and not answered (the connection is being closed).
 */
public final class ShutdownCutOff extends RuntimeException {
    public ShutdownCutOff(Throwable cause) {
        super("cut off by the server's shutdown", cause);
    }

    /** Whether the server that took {@code req} is stopping: Jetty closes open connections once its stop timeout has passed. */
    public static boolean stopping(HttpServletRequest req) {
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(req.getServletContext());
        return context != null && context.getServer() != null && context.getServer().isStopping();
    }
}

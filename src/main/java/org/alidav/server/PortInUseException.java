package org.alidav.server;

/** The configured port is taken by another process; the message says how to pick another. */
public final class PortInUseException extends Exception {
    public PortInUseException(String host, int port) {
        super("port " + port + " on " + host + " is already in use (another server running?); choose another with --port,"
                + " ALIDAV_PORT or server.port");
    }
}

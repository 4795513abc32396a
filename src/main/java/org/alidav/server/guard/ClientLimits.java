package org.alidav.server.guard;

import java.time.Duration;

/**
 * How much of the server one client may hold: the {@code server:} limits of the config file.
 *
 * @param minRequestRate           bytes per second a request body must keep up while the server waits
 *                                 for it; 0 = no minimum
 * @param minResponseRate          bytes per second a client must take a response at while the server
 *                                 waits to send it; 0 = no minimum
 * @param rateGrace                how far a client may fall behind either rate, which is also the
 *                                 longest single wait for a byte; above it the connection is closed
 * @param maxConnectionsPerAddress open connections from one IP address; more are closed at once; 0 = no cap
 * @param uploadThreads            PUTs served at once; more are answered 503, so that uploads that
 *                                 hang cannot take the threads of everything else
 */
public record ClientLimits(long minRequestRate, long minResponseRate, Duration rateGrace,
                           int maxConnectionsPerAddress, int uploadThreads) {
    /** The size of the server's thread pool. */
    public static final int SERVER_THREADS = 200;
    /** Requests with another body (the XML of PROPFIND, PROPPATCH, LOCK: small) served at once. */
    public static final int XML_BODY_THREADS = 25;
    /** Threads that requests with a body can never take: GET, HEAD and body-less requests always have these. */
    public static final int THREADS_KEPT_FOR_OTHERS = 50;

    /**
     * 1 KiB/s is far below any real uploader or player (a 2G phone link moves ~10 KiB/s) and far
     * above a slow-body attack (1 byte every few seconds). 10 s of grace covers a 100-continue round
     * trip, TCP slow start and a lossy Wi-Fi stall. 64 connections per address leave room for rclone
     * with --transfers 32 plus its checkers, Finder's and Windows' handful, and several devices behind
     * one NAT, while two hostile addresses cannot fill the thread pool. Half the threads for uploads:
     * 100 concurrent uploads is far beyond any household.
     */
    public static final ClientLimits DEFAULTS = new ClientLimits(1024, 1024, Duration.ofSeconds(10), 64,
            SERVER_THREADS / 2);

    public ClientLimits {
        if (minRequestRate < 0 || minResponseRate < 0) throw new IllegalArgumentException("rates must not be negative");
        if (rateGrace.isNegative() || rateGrace.isZero()) throw new IllegalArgumentException("rate grace must be positive");
        if (maxConnectionsPerAddress < 0) throw new IllegalArgumentException("connection cap must not be negative");
        if (uploadThreads < 1 || uploadThreads > maxUploadThreads()) {
            throw new IllegalArgumentException("upload threads must be 1 to " + maxUploadThreads());
        }
    }

    public static int maxUploadThreads() {
        return SERVER_THREADS - XML_BODY_THREADS - THREADS_KEPT_FOR_OTHERS;
    }
}

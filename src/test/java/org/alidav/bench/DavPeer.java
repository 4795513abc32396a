package org.alidav.bench;

import java.io.IOException;
import java.net.ServerSocket;

/** A WebDAV server the benchmark started for a comparison row; closing it stops it. */
interface DavPeer extends AutoCloseable {
    /** The base URL, without a trailing slash. */
    String url();

    /** A loopback port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the server answers OPTIONS at {@code url}; stops it and throws when it exits or stays silent for a minute. */
    static void awaitAnswer(Process server, String url, String name) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (!server.isAlive()) throw new IllegalStateException(name + " exited with " + server.exitValue());
            try {
                if (Http.send("OPTIONS", url + "/", null).statusCode() < 500) return;
            } catch (IOException ignored) {
                // not yet listening
            }
            Thread.sleep(20);
        }
        server.destroyForcibly();
        throw new IllegalStateException(name + " did not come up");
    }
}

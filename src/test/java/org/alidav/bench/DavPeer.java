package org.alidav.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** A WebDAV server process the benchmark started for a comparison row, at {@code url} (no trailing slash); closing it stops it. */
final class DavPeer implements AutoCloseable {
    private final String url;
    private final Process process;

    private DavPeer(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    String url() {
        return url;
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the server answers OPTIONS at {@code url}; stops it and throws when it exits or stays silent for a minute. */
    static DavPeer awaitAnswer(Process server, String url, String name) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (!server.isAlive()) throw new IllegalStateException(name + " exited with " + server.exitValue());
            try {
                if (Http.send("OPTIONS", url + "/", null).statusCode() < 500) return new DavPeer(url, server);
            } catch (IOException ignored) {
                // not yet listening
            }
            Thread.sleep(20);
        }
        server.destroyForcibly();
        throw new IllegalStateException(name + " did not come up");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

package org.alidav.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code rclone serve webdav} of a local folder on a free loopback port, for comparison rows. */
final class RcloneServe implements AutoCloseable {
    final String url;
    private final Process process;

    private RcloneServe(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    static RcloneServe start(Path folder, Path work) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("rclone", "--config", "/dev/null", "serve", "webdav", folder.toString(), "--addr", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("rclone-serve.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (!p.isAlive()) throw new IllegalStateException("rclone serve webdav exited with " + p.exitValue());
            try {
                if (Http.send("OPTIONS", url + "/", null).statusCode() < 500) return new RcloneServe(url, p);
            } catch (IOException ignored) {
                // not yet listening
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("rclone serve webdav did not come up");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

package org.alidav.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code rclone serve webdav} of a local folder on a free loopback port, for comparison rows. */
final class RcloneServe implements DavPeer {
    final String url;
    private final Process process;

    private RcloneServe(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    static RcloneServe start(Path folder, Path work) throws Exception {
        int port = DavPeer.freePort();
        Process p = new ProcessBuilder("rclone", "--config", "/dev/null", "serve", "webdav", folder.toString(), "--addr", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("rclone-serve.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        DavPeer.awaitAnswer(p, url, "rclone serve webdav");
        return new RcloneServe(url, p);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

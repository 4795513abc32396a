package org.alidav.bench;

import java.nio.file.Path;

/** {@code rclone serve webdav} of a local folder on a free loopback port, for comparison rows. */
final class RcloneServe {
    private RcloneServe() {
    }

    static DavPeer start(Path folder, Path work) throws Exception {
        int port = DavPeer.freePort();
        Process p = new ProcessBuilder("rclone", "--config", "/dev/null", "serve", "webdav", folder.toString(), "--addr", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("rclone-serve.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        return DavPeer.awaitAnswer(p, url, "rclone serve webdav");
    }
}

package org.alidav.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * AliDAV from {@code target/alidav.jar} in a JVM of its own, serving a local folder at {@code /} on a free
 * loopback port: the same footing as the other servers of the wrk rows, and a cold start every time.
 */
final class AliDavJvm implements DavPeer {
    private final String url;
    private final Process process;

    private AliDavJvm(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    static AliDavJvm start(Path folder, Path work) throws Exception {
        Path jar = Path.of("target/alidav.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/alidav.jar missing: run mvn -DskipTests package first");
        int port = DavPeer.freePort();
        Path config = work.resolve("alidav-local.yaml");
        Files.writeString(config, "server: {host: 127.0.0.1, port: " + port + ", data_dir: '" + work.resolve("alidav-local-data") + "', log_level: warn}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + folder + "'}\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("alidav-local.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        DavPeer.awaitAnswer(p, url, "AliDAV (see " + work.resolve("alidav-local.log") + ")");
        return new AliDavJvm(url, p);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

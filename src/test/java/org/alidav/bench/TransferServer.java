package org.alidav.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AliDAV for the large-transfer rows (GET and PUT of 1 GiB through the cloud driver): {@code target/alidav.jar} in a
 * JVM of its own with the shipped flags ({@link AliDavJvm#jvmFlags}), as users run it, against the benchmark's sandbox.
 * In the benchmark's JVM it would share the sandbox's and the client's heap, collector and JIT threads, and run with
 * the JVM's default flags rather than the shipped ones: neither is what a user's server sees. Being a process of its
 * own, its CPU time per byte can be read from {@code /proc}, and its spool folder watched from outside.
 */
final class TransferServer implements AutoCloseable {
    /** Mounts: rapid upload off, rapid upload on (both proxying GETs), and the 302 policy. */
    private static final String[][] MOUNTS = {{"/ali", "false", "native_proxy"}, {"/rapid", "true", "native_proxy"}, {"/r302", "false", "302_redirect"}};

    private final DavPeer peer;
    private final long pid;
    private final Path spool;
    private final AtomicLong spoolPeak = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread spoolWatch;

    private TransferServer(DavPeer peer, long pid, Path spool) {
        this.peer = peer;
        this.pid = pid;
        this.spool = spool;
        this.spoolWatch = new Thread(this::watchSpool, "spool-watch");
        spoolWatch.setDaemon(true);
        spoolWatch.start();
    }

    /** Starts the server with the given storage credentials (the sandbox's) on a free loopback port. */
    static TransferServer start(Path work, Map<String, Object> credentials) throws Exception {
        Path jar = Path.of("target/alidav.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/alidav.jar missing: run mvn -DskipTests package first");
        int port = DavPeer.freePort();
        Path data = Files.createDirectories(work.resolve("transfer-data"));
        StringBuilder y = new StringBuilder();
        y.append("server: {host: 127.0.0.1, port: ").append(port).append(", data_dir: '").append(data).append("', log_level: warn");
        // -Dbench.minResponseRate=0: the A/B of the slow-client response pacing for the proxy GET row
        String minResponseRate = System.getProperty("bench.minResponseRate");
        if (minResponseRate != null) y.append(", min_response_rate: ").append(Integer.parseInt(minResponseRate));
        y.append("}\nstorages:\n");
        appendCloudMounts(y, credentials, MOUNTS);
        Path config = work.resolve("transfer.yaml");
        Files.writeString(config, y.toString());
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(AliDavJvm.jvmFlags());
        cmd.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("transfer-server.log").toFile()).start();
        DavPeer peer = DavPeer.awaitAnswer(p, "http://127.0.0.1:" + port, "AliDAV for the transfer rows (see " + work.resolve("transfer-server.log") + ")");
        return new TransferServer(peer, p.pid(), data.resolve("spool"));
    }

    /** YAML storages of the sandbox user, one per {mount, rapid_upload, webdav_policy}. */
    static void appendCloudMounts(StringBuilder y, Map<String, Object> credentials, String[][] mounts) {
        for (String[] m : mounts) {
            y.append("  - mount: ").append(m[0]).append("\n    driver: aliyundrive-open\n");
            credentials.forEach((k, v) -> y.append("    ").append(k).append(": '").append(v).append("'\n"));
            y.append("    rapid_upload: ").append(m[1]).append("\n    webdav_policy: ").append(m[2]).append('\n');
        }
    }

    String url() {
        return peer.url();
    }

    /** CPU time the server process has used so far (user + system), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks: USER_HZ is 100 on Linux
    }

    /** The server's peak resident memory so far ({@code VmHWM}), in MB. */
    long peakRssMb() {
        return Footprint.status(pid)[0] / 1024;
    }

    /** The largest total size of the spool folder's files since the last {@link #resetSpoolPeak}, sampled every 10 ms. */
    long spoolPeak() {
        return spoolPeak.get();
    }

    void resetSpoolPeak() {
        spoolPeak.set(0);
    }

    /**
     * A spool file keeps its length while reused from part to part (it is overwritten in place), so the
     * folder's size shows how much of an upload is buffered: one part, or the whole body.
     */
    private void watchSpool() {
        while (!closed.get()) {
            long total = 0;
            if (Files.isDirectory(spool)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
                    for (Path f : files) {
                        try {
                            total += Files.size(f);
                        } catch (IOException gone) {
                            // deleted while listed
                        }
                    }
                } catch (IOException ignored) {
                    // the folder is being created or removed
                }
            }
            spoolPeak.accumulateAndGet(total, Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed.set(true);
        spoolWatch.interrupt();
        peer.close();
    }
}

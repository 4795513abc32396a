package org.alidav.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AliDAV from {@code target/alidav.jar} in a JVM of its own, serving a local folder at {@code /} on a free
 * loopback port: the same footing as the other servers of the wrk rows, and a cold start every time.
 */
final class AliDavJvm {
    private AliDavJvm() {
    }

    static DavPeer start(Path folder, Path work) throws Exception {
        Path jar = Path.of("target/alidav.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/alidav.jar missing: run mvn -DskipTests package first");
        int port = DavPeer.freePort();
        Path config = work.resolve("alidav-local.yaml");
        Files.writeString(config, "server: {host: 127.0.0.1, port: " + port + ", data_dir: '" + work.resolve("alidav-local-data") + "', log_level: warn}\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + folder + "'}\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(work.resolve("alidav-local.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        return DavPeer.awaitAnswer(p, url, "AliDAV (see " + work.resolve("alidav-local.log") + ")");
    }

    /**
     * The shipped flags (packaging/jvm.options, as the launcher, container and unit start AliDAV), so the rows show
     * what users run; {@code -Dbench.jvmFlags="-XX:… -Xmx…"} replaces them to measure others ({@code -Dbench.jvmFlags=}
     * with nothing: the JVM's defaults).
     */
    /** How the row text names the flags: "shipped flags", or the ones {@code -Dbench.jvmFlags} gave. */
    static String flagsLabel() {
        String flags = System.getProperty("bench.jvmFlags");
        if (flags == null) return "shipped flags";
        return flags.isBlank() ? "the JVM's default flags" : "flags " + flags.strip();
    }

    static List<String> jvmFlags() {
        String flags = System.getProperty("bench.jvmFlags", "@" + Path.of("packaging/jvm.options").toAbsolutePath()).strip();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }
}

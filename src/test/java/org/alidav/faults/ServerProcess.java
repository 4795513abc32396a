package org.alidav.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test in a JVM of its own (the test classpath, {@code org.alidav.Main}), so a test
 * can kill it with SIGKILL ({@link Process#destroyForcibly()}) while the sandbox, in the test's JVM,
 * keeps what the server had done, and start it again on the same data_dir. The output of each
 * generation goes to {@code server-N.log} in {@code dir}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("serving WebDAV at (https?://\\S+)");

    private final ServerConfig config;
    private final Path dir;
    private int generation;
    private Process process;
    private DavClient dav;

    private ServerProcess(ServerConfig config, Path dir) {
        this.config = config;
        this.dir = dir;
    }

    /** Starts a server on {@code config} and waits until it serves. */
    static ServerProcess start(ServerConfig config, Path dir) throws IOException {
        ServerProcess s = new ServerProcess(config, dir);
        s.launch();
        return s;
    }

    /** A client of the current generation. */
    DavClient dav() {
        return dav;
    }

    /** A new generation on the same config and data_dir, once the last one is gone; waits until it serves. */
    void restart() throws IOException {
        if (process.isAlive()) throw new IllegalStateException("the server still runs");
        generation++;
        launch();
    }

    private void launch() throws IOException {
        Path yaml = Files.writeString(dir.resolve("alidav.yaml"), config.yaml());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "org.alidav.Main", "--config", yaml.toString()))
                .redirectErrorStream(true).start();
        Path log = dir.resolve("server-" + generation + ".log");
        try {
            dav = new DavClient(awaitUrl(p, log));
            process = p;
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, whatever the server was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the killed server did not exit");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) kill();
    }

    /** Reads the output up to the "serving" line, then copies the rest to the log in the background. */
    private static String awaitUrl(Process server, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(log);
        for (String line; (line = out.readLine()) != null; ) {
            file.write(line + "\n");
            Matcher m = URL.matcher(line);
            if (m.find()) {
                file.flush();
                Thread copy = new Thread(() -> {
                    try (file) {
                        for (String l; (l = out.readLine()) != null; ) {
                            file.write(l + "\n");
                            file.flush();
                        }
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                }, "server-log");
                copy.setDaemon(true);
                copy.start();
                return m.group(1);
            }
        }
        file.close();
        throw new IllegalStateException("the server did not start; see " + log + ":\n" + Files.readString(log));
    }
}

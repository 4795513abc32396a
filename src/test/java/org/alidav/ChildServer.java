package org.alidav;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server in a JVM of its own, started as a user starts it ({@code org.alidav.Main --config FILE})
 * with the test classpath: for heap limits, for {@code kill -9}, and for two processes on one data_dir.
 */
public final class ChildServer implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("serving WebDAV at (https?://\\S+)/");

    public final Process process;
    /** The base URL without the trailing slash, such as {@code http://127.0.0.1:8080}. */
    public final String url;

    /** Everything the server printed (banner and log), collected while it runs. */
    private final StringBuffer output;
    private final Thread drain;

    private ChildServer(Process process, String url, StringBuffer output, Thread drain) {
        this.process = process;
        this.url = url;
        this.output = output;
        this.drain = drain;
    }

    /** What a server that refused to start left behind. */
    public record Refusal(int exitCode, String stderr) {
    }

    /** Starts the server and waits (a minute at most) until it serves. */
    public static ChildServer start(Path config, String... jvmOptions) throws IOException {
        Process p = command(config, jvmOptions).redirectErrorStream(true).start();
        // a server that neither serves nor exits is stopped, which ends the wait below
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(p::destroyForcibly,
                CompletableFuture.delayedExecutor(1, TimeUnit.MINUTES));
        try {
            return awaitUrl(p);
        } catch (IOException | RuntimeException | Error e) {
            p.destroyForcibly();
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** Runs a server that is expected to stop at startup; fails when it is still running after a minute. */
    public static Refusal refusal(Path config) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(config.getParent(), "stderr", ".txt");
        Process p = command(config).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the server did not stop:\n" + Files.readString(stderr));
        }
        return new Refusal(p.exitValue(), Files.readString(stderr));
    }

    private static ProcessBuilder command(Path config, String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.alidav.Main", "--config", config.toString()));
        return new ProcessBuilder(cmd);
    }

    private static ChildServer awaitUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        for (String more; (more = out.readLine()) != null; ) seen.append(more).append('\n');
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new ChildServer(server, m.group(1), seen, drain);
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }

    /**
     * Stops the server as a service manager does (SIGTERM) and answers everything it printed, its
     * shutdown included: {@link Process#destroy} would close our end of its output first.
     */
    public String stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the server did not stop within 30 s:\n" + output);
        drain.join(10_000);
        return output.toString();
    }

    /** {@code kill -9}: the JVM gets no chance to close anything ({@link Process#destroyForcibly} is SIGKILL on Linux). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the killed server is still running");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

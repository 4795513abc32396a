package org.alidav.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server JVM's memory and start-up under one set of JVM flags, measured from outside as a user
 * sees it ({@code /proc/<pid>/status}): time to the first answer, RSS idle after start, the peak
 * under {@code clients} clients (PROPFIND depth 1 and 4 KiB GETs) and the peak during one large
 * upload beside 8 streamed downloads. The same load runs against any WebDAV server process
 * ({@code rclone serve webdav} for comparison) over the same local tree.
 */
final class Footprint {
    static final int SMALL_FILES = 100;
    static final long MOVIE_BYTES = 1L << 30;

    /** A set of JVM flags to try. */
    record Candidate(String name, List<String> flags) {
    }

    /** What one server process did; RSS in KiB, -1 where not measured. */
    record Figures(long firstAnswerMillis, long idleKib, long loadPeakKib, long loadRequests, long loadFailures,
                   long transferPeakKib, long uploadStatus, double uploadMbps, long downloadedMib, long hwmKib) {
    }

    private Footprint() {
    }

    /** The tree both servers serve: small files and one sparse 1 GiB file (read from the page cache, never from disk). */
    static Path tree(Path work) throws IOException {
        Path tree = Files.createDirectories(work.resolve("footprint-tree"));
        Path small = Files.createDirectories(tree.resolve("small"));
        byte[] four = new byte[4096];
        for (int i = 0; i < SMALL_FILES; i++) Files.write(small.resolve("f" + i + ".bin"), four);
        try (RandomAccessFile f = new RandomAccessFile(tree.resolve("movie.bin").toFile(), "rw")) {
            f.setLength(MOVIE_BYTES);
        }
        return tree;
    }

    /** The jar with {@code candidate}'s flags over {@code tree}, measured, then stopped. */
    static Figures alidav(Path jar, Path work, Path tree, Candidate candidate, int clients, int seconds, long uploadBytes) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(candidate.flags());
        command.addAll(List.of("-jar", jar.toString()));
        Started s = start(command, Map.of(), candidate.name(), work, tree);
        try {
            return measure(s.server(), s.url(), s.startNanos(), clients, seconds, uploadBytes);
        } finally {
            stop(s.server());
        }
    }

    /**
     * As a user starts it: {@code bin/alidav} (packaging/jvm.options and the class-data archive at
     * {@code archive}, which it records first when there is none), on this JVM; measured, then stopped.
     */
    static Figures launcher(Path launcher, Path archive, Path work, Path tree, int clients, int seconds, long uploadBytes) throws Exception {
        Started s = start(List.of(launcher.toString()), launcherEnvironment(archive), "bin/alidav", work, tree);
        try {
            return measure(s.server(), s.url(), s.startNanos(), clients, seconds, uploadBytes);
        } finally {
            stop(s.server());
        }
    }

    /** Only the time to the first answer through {@code bin/alidav}, then stopped: a first start ever, when {@code archive} is absent. */
    static long launcherFirstAnswer(Path launcher, Path archive, Path work, Path tree) throws Exception {
        Started s = start(List.of(launcher.toString()), launcherEnvironment(archive), "bin/alidav first start", work, tree);
        try {
            return firstAnswer(s.server(), s.url() + "/small/f0.bin", s.startNanos());
        } finally {
            stop(s.server());
        }
    }

    private static Map<String, String> launcherEnvironment(Path archive) {
        return Map.of("ALIDAV_CDS_ARCHIVE", archive.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    /** A server process and when it was started. */
    private record Started(Process server, String url, long startNanos) {
    }

    /** {@code command --config FILE} serving {@code tree} at / on a free loopback port. */
    private static Started start(List<String> command, Map<String, String> env, String name, Path work, Path tree) throws Exception {
        int port = freePort();
        Path config = work.resolve("footprint.yaml");
        Files.writeString(config, "server: {host: 127.0.0.1, port: " + port + ", data_dir: '" + work.resolve("footprint-data")
                + "', log_level: warn}\nstorages: [{mount: /, driver: local, root: '" + tree + "'}]\n");
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--config", config.toString()));
        ProcessBuilder b = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(work.resolve("footprint-" + name.replaceAll("\\W", "_") + ".log").toFile());
        b.environment().putAll(env);
        long start = System.nanoTime();
        return new Started(b.start(), "http://127.0.0.1:" + port, start);
    }

    /** {@code rclone serve webdav} of the same tree under the same load. */
    static Figures rclone(Path work, Path tree, int clients, int seconds, long uploadBytes) throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        Process server = new ProcessBuilder("rclone", "--config", "/dev/null", "serve", "webdav", tree.toString(), "--addr", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("footprint-rclone.log").toFile()).start();
        try {
            return measure(server, "http://127.0.0.1:" + port, start, clients, seconds, uploadBytes);
        } finally {
            stop(server);
        }
    }

    private static Figures measure(Process server, String url, long startNanos, int clients, int seconds, long uploadBytes) throws Exception {
        long firstAnswer = firstAnswer(server, url + "/small/f0.bin", startNanos);
        Thread.sleep(5000); // idle: start-up work done, nothing asked
        long idle = status(server.pid())[1];

        Sampler load = Sampler.start(server.pid());
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        long[] r = (i + client) % 4 == 0
                                ? Http.drain("PROPFIND", url + "/small/", "Depth", "1")
                                : Http.drain("GET", url + "/small/f" + ((i * 7 + client) % SMALL_FILES) + ".bin");
                        if (r[0] >= 400) failures.incrementAndGet();
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) f.get();
        pool.shutdown();
        long loadPeak = load.finish();

        Sampler transfer = Sampler.start(server.pid());
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicLong downloaded = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<?>> downloads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            downloads.add(readers.submit(() -> {
                while (uploading.get()) downloaded.addAndGet(Http.drain("GET", url + "/movie.bin")[1]);
                return null;
            }));
        }
        long t = System.nanoTime();
        int status = Http.put(url + "/upload.bin", () -> new Bytes(11, uploadBytes), uploadBytes).statusCode();
        double mbps = uploadBytes / 1e6 / ((System.nanoTime() - t) / 1e9);
        uploading.set(false);
        for (Future<?> f : downloads) f.get();
        readers.shutdown();
        long transferPeak = transfer.finish();
        Http.send("DELETE", url + "/upload.bin", null);
        return new Figures(firstAnswer, idle, loadPeak, requests.get(), failures.get(), transferPeak, status, mbps,
                downloaded.get() >> 20, status(server.pid())[0]);
    }

    /** Milliseconds from the process start to its first 200, asked every 10 ms. */
    private static long firstAnswer(Process server, String url, long startNanos) throws Exception {
        long giveUp = startNanos + 60_000_000_000L;
        while (System.nanoTime() < giveUp) {
            if (!server.isAlive()) throw new IllegalStateException("the server exited with " + server.exitValue());
            try {
                if (Http.send("GET", url, null).statusCode() == 200) return (System.nanoTime() - startNanos) / 1_000_000;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no answer within 60 s");
    }

    /** The highest VmRSS seen, sampled every 50 ms. */
    private static final class Sampler extends Thread {
        private final long pid;
        private volatile boolean done;
        private long peak;

        private Sampler(long pid) {
            this.pid = pid;
        }

        static Sampler start(long pid) {
            Sampler s = new Sampler(pid);
            s.setDaemon(true);
            s.start();
            return s;
        }

        @Override
        public void run() {
            while (!done) {
                peak = Math.max(peak, status(pid)[1]);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            done = true;
            join();
            return Math.max(peak, status(pid)[1]);
        }
    }

    /** VmHWM and VmRSS in KiB. */
    static long[] status(long pid) {
        long[] out = {0, 0};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) out[0] = Long.parseLong(line.replaceAll("\\D", ""));
                if (line.startsWith("VmRSS:")) out[1] = Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
    }
}

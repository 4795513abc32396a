package org.alidav.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alidav.Application;
import org.alidav.aliyun.AliyunOpenDriverFactory;
import org.alidav.config.AppConfig;
import org.alidav.config.ConfigLoader;
import org.alidav.drive.Driver;
import org.alidav.drive.DriverContext;
import org.alidav.drive.DriverOptions;
import org.alidav.drive.Entry;
import org.alidav.drive.Upload;
import org.alidav.sandbox.CallStats;
import org.alidav.sandbox.SandboxOptions;
import org.alidav.sandbox.SandboxServer;

/**
 * The zero-waste benchmark: starts the sandbox and AliDAV on this machine, runs the workflows of
 * docs/benchmarks/README.md, prints the table and writes {@code docs/benchmarks/latest.md}.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -cp target/alidav.jar:target/test-classes org.alidav.bench.Benchmark
 * </pre>
 *
 * It lives in the test tree so that it ships no product code. Sizes can be shrunk for a smoke run:
 * {@code -Dbench.gib=0.1 -Dbench.rssGib=0.2 -Dbench.rcloneFiles=100 -Dbench.bigFolder=1000 -Dbench.seconds=5
 * -Dbench.proppatches=2000}. {@code -Dbench.only=proppatch,slow-clients} runs only the named sections and
 * prints the table without writing it.
 */
public final class Benchmark {
    private static final long GIB = 1L << 30;
    private static final String API = "/adrive/v1.0/openFile/";

    private final long fileSize = (long) (Double.parseDouble(System.getProperty("bench.gib", "1")) * GIB);
    private final long rssUploadSize = (long) (Double.parseDouble(System.getProperty("bench.rssGib", "5")) * GIB);
    private final int rcloneFiles = Integer.getInteger("bench.rcloneFiles", 2000);
    private final int bigFolder = Integer.getInteger("bench.bigFolder", 10_000);
    private final int concurrentSeconds = Integer.getInteger("bench.seconds", 30);
    private final int slowClientSeconds = Integer.getInteger("bench.slowSeconds", 30);
    private final int proppatches = Integer.getInteger("bench.proppatches", 10_000);
    private final int footprintClients = Integer.getInteger("bench.footprintClients", 50);
    private final int footprintSeconds = Integer.getInteger("bench.footprintSeconds", 60);
    private final int wrkSeconds = Integer.getInteger("bench.wrkSeconds", 8);
    private final Set<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
            .map(String::strip).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
    private final int finderEntries = 500;
    private final int smallFiles = 8;
    /** Files of {@link #SMALL_SIZE} for {@code rclone check --download} and for the cold read. */
    private final int checkFiles = 300;
    private final int coldFiles = 50;
    private static final int SMALL_SIZE = 16 << 10;

    private final Path work;
    private final Path sandboxDir;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String[]> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final OffsetClock clock = new OffsetClock();
    private SandboxServer sandbox;
    private Application app;
    private String base;

    private Benchmark(Path work) {
        this.work = work;
        this.sandboxDir = work.resolve("sandbox");
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path work = Files.createTempDirectory("alidav-bench");
        Benchmark b = new Benchmark(work);
        long start = System.nanoTime();
        try {
            b.run();
        } finally {
            b.close();
            deleteTree(work);
        }
        String table = b.render((System.nanoTime() - start) / 1_000_000_000L);
        System.out.println(table);
        if (!b.only.isEmpty()) System.exit(0); // a partial run is not the latest benchmark
        Path out = Path.of("docs/benchmarks/latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /** The sections that need the populated sandbox and the in-process server. */
    private static final List<String> SANDBOX_SECTIONS = List.of("finder", "playback", "uploads", "gets", "propfind", "concurrent", "rclone", "rss",
            "slow-clients", "small-reads", "link-life");

    private void run() throws Exception {
        if (SANDBOX_SECTIONS.stream().anyMatch(this::selected)) {
            log("populating the sandbox (rate limits off for this step only)");
            populate();
            log("starting the sandbox with the official rate limits and AliDAV");
            sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).clock(clock).downloadConcurrency(0).build());
            app = Application.start(serverConfig(), false, clock);
            base = app.url().replaceAll("/$", "");
        }
        section("finder", this::finder);
        section("playback", this::playback);
        section("uploads", this::uploads);
        section("gets", this::gets);
        section("propfind", this::propfind);
        section("concurrent", this::concurrent);
        section("rclone", this::rcloneSync);
        section("rss", this::rss);
        section("proppatch", this::proppatch);
        section("slow-clients", this::slowClients);
        section("small-reads", this::smallReads);
        section("link-life", this::linkLife);
        section("footprint", this::footprint);
        section("wrk", () -> new WrkComparison(work, wrkSeconds).run(rows, this::check));
    }

    private boolean selected(String section) {
        return only.isEmpty() || only.contains(section);
    }

    private interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section s) {
        if (!selected(name)) return;
        log("== " + name);
        long t = System.nanoTime();
        try {
            s.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            rows.add(new String[]{name, "failed", e.toString(), ""});
        }
        log("   " + name + " took " + (System.nanoTime() - t) / 1_000_000_000L + " s");
    }

    // ---------------------------------------------------------------- setup

    private Driver driver(SandboxServer sb, Map<String, Object> extra, String state) {
        Map<String, Object> o = new HashMap<>(credentials(sb));
        o.putAll(extra);
        return new AliyunOpenDriverFactory().create(new DriverOptions(new AliyunOpenDriverFactory().options(), o), org.alidav.TestContexts.of(state, work.resolve(state), Clock.systemUTC()));
    }

    private Map<String, Object> credentials(SandboxServer sb) {
        return Map.of("refresh_token", sb.issueRefreshToken("bench"), "client_id", sb.clientId(), "client_secret", sb.clientSecret(),
                "api_base_url", sb.baseUrl());
    }

    private void populate() throws Exception {
        try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder().dataDir(sandboxDir).rateLimits(false).downloadConcurrency(0).build())) {
            Driver d = driver(sb, Map.of("list_rate", 10000, "link_rate", 10000, "other_rate", 10000), "populate");
            Entry root = d.root();
            Entry finder = d.mkdir(root, "finder500");
            Entry big = d.mkdir(root, "big10k");
            Entry small = d.mkdir(root, "small");
            Path localBig = Files.createDirectories(work.resolve("local/big10k"));
            Path localSmall = Files.createDirectories(work.resolve("local/small"));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < finderEntries; i++) {
                String name = String.format(Locale.ROOT, "photo-%03d.jpg", i);
                jobs.add(pool.submit(() -> d.put(finder, name, new Upload(InputStream.nullInputStream(), 0, null, null, null))));
            }
            for (int i = 0; i < bigFolder; i++) {
                String name = String.format(Locale.ROOT, "file-%05d.txt", i);
                Files.createFile(localBig.resolve(name));
                jobs.add(pool.submit(() -> d.put(big, name, new Upload(InputStream.nullInputStream(), 0, null, null, null))));
            }
            for (int i = 0; i < smallFiles; i++) {
                byte[] b = new byte[4096];
                new Random(i).nextBytes(b);
                String name = "s" + i + ".bin";
                Files.write(localSmall.resolve(name), b);
                jobs.add(pool.submit(() -> d.put(small, name, new Upload(new java.io.ByteArrayInputStream(b), b.length, null, null, null))));
            }
            jobs.addAll(smallFolder(d, pool, "small300", checkFiles, Files.createDirectories(work.resolve("check/small300"))));
            jobs.addAll(smallFolder(d, pool, "small50", coldFiles, null));
            for (Future<?> f : jobs) f.get();
            pool.shutdown();
            d.put(root, "movie.bin", new Upload(new Bytes(1, fileSize), fileSize, null, null, null));
            d.close();
        }
    }

    /** A folder of {@code count} small files in the cloud, and a local copy of them when {@code local} is given. */
    private List<Future<?>> smallFolder(Driver d, ExecutorService pool, String name, int count, Path local) throws IOException {
        Entry folder = d.mkdir(d.root(), name);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[SMALL_SIZE];
            new Random(1000 + i).nextBytes(b);
            String file = String.format(Locale.ROOT, "f-%03d.bin", i);
            if (local != null) Files.write(local.resolve(file), b);
            jobs.add(pool.submit(() -> d.put(folder, file, new Upload(new java.io.ByteArrayInputStream(b), b.length, null, null, null))));
        }
        return jobs;
    }

    private AppConfig serverConfig() throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("server: {host: 127.0.0.1, port: 0, data_dir: '").append(work.resolve("server")).append("', log_level: warn}\n");
        y.append("storages:\n");
        // the transfer rows (uploads, gets) have a server of their own: TransferServer
        TransferServer.appendCloudMounts(y, credentials(sandbox), new String[][]{{"/ali", "false", "native_proxy"}, {"/r302", "false", "302_redirect"}});
        // where the slow-body attack uploads: a local folder, so the attack spends no API calls of the other rows
        y.append("  - {mount: /scratch, driver: local, root: '").append(Files.createDirectories(work.resolve("scratch"))).append("'}\n");
        return new ConfigLoader(Path.of("")).parse(y.toString(), "benchmark").config();
    }

    // ---------------------------------------------------------------- rows

    private void finder() throws Exception {
        post("/-/cache/drop");
        Http.expect(207, propfind(base + "/ali/", "1"), "open /ali");
        CallStats stats = sandbox.stats();
        stats.reset();
        Http.expect(207, propfind(base + "/ali/finder500/", "1"), "open finder500");
        long open = stats.count(API + "list");
        long before = stats.total();
        lookups();
        long lookups = stats.total() - before;
        int pageSize = 200;
        long bound = (finderEntries + pageSize - 1) / pageSize;
        rows.add(new String[]{"Finder: open a 500-entry folder (parent already open)", "API calls",
                calls(stats), "≤ " + bound + " list calls"});
        rows.add(new String[]{"Finder: 1,000 `._*` / `.DS_Store` lookups in it", "API calls", Long.toString(lookups), "0"});
        check("Finder open: list calls ≤ ceil(500/200) = " + bound, open <= bound, open + " list calls");
        check("Finder lookups: 0 calls", lookups == 0, lookups + " calls");
        stats.reset();
        Http.expect(207, propfind(base + "/ali/finder500/", "1"), "reopen");
        lookups();
        rows.add(new String[]{"Finder: the same folder and lookups again within the TTL", "API calls", Long.toString(stats.total()), "0"});
        check("Reopen within TTL: 0 calls", stats.total() == 0, stats.total() + " calls");
    }

    private void lookups() throws Exception {
        for (int i = 0; i < finderEntries; i++) {
            int s = propfind(base + "/ali/finder500/._" + String.format(Locale.ROOT, "photo-%03d.jpg", i), "0").statusCode();
            if (s != 404) throw new IllegalStateException("._ lookup answered " + s);
            s = propfind(base + "/ali/finder500/.DS_Store", "0").statusCode();
            if (s != 404) throw new IllegalStateException(".DS_Store lookup answered " + s);
        }
    }

    private void playback() throws Exception {
        CallStats stats = sandbox.stats();
        stats.reset();
        Instant start = clock.instant();
        int requests = 200;
        long chunk = 256 << 10;
        long step = (fileSize - chunk) / requests;
        for (int i = 0; i < requests; i++) {
            long from = i * step;
            long[] r = Http.drain("GET", base + "/ali/movie.bin", "Range", "bytes=" + from + "-" + (from + chunk - 1));
            if (r[0] != 206 || r[1] != chunk) throw new IllegalStateException("range GET " + r[0] + " " + r[1]);
            clock.advance(Duration.ofSeconds(9));
        }
        long links = stats.count(API + "getDownloadUrl");
        long minutes = Duration.between(start, clock.instant()).toMinutes();
        rows.add(new String[]{"Playback: 200 Range GETs of one file over " + minutes + " simulated min (proxy, 900 s links)",
                "API calls", calls(stats), "≤ 3 getDownloadUrl"});
        check("Playback: ≤ 3 getDownloadUrl in 30 min with 15-min links", links <= 3, links + " getDownloadUrl");
    }

    /**
     * PUTs of {@link #fileSize} through AliDAV (rapid upload off; rapid upload on with new content) and the same upload
     * made directly against the sandbox, measured alike: AliDAV in its own JVM with the shipped flags
     * ({@link TransferServer}), the paths taking turns for {@code -Dbench.putRounds} rounds (3), each round starting
     * with another one, and the best round of each counting, as with the GETs: the machine is shared, and a single
     * upload per path measured minutes apart compares two different loads. Every PUT sends new content.
     */
    private void uploads() throws Exception {
        CallStats stats = sandbox.stats();
        try (TransferServer server = TransferServer.start(work, credentials(sandbox))) {
            String url = server.url();
            // clients look at the target folder first (Finder, rclone): the mounts are warm, as in use
            Http.expect(207, propfind(url + "/ali/", "1"), "list /ali");
            Http.expect(207, propfind(url + "/rapid/", "1"), "list /rapid");
            // the upload path compiled before timing: the first timed row does not pay the JIT for the others
            timedPut(url + "/ali/warm-up.bin", 10, fileSize / 4);
            Http.send("DELETE", url + "/ali/warm-up.bin", null);
            DirectClient direct = new DirectClient(sandbox, sandbox.issueRefreshToken("bench"));
            int rounds = Integer.getInteger("bench.putRounds", 3);
            long[] seed = {100};
            String[] firstCalls = new String[1];
            boolean[] firstOk = new boolean[1];
            long[] spoolPeaks = new long[2];
            double[] cpu = new double[2];
            List<TimedGet> paths = List.of(
                    () -> {
                        boolean first = firstCalls[0] == null;
                        if (first) stats.reset();
                        server.resetSpoolPeak();
                        double[] r = serverPut(server, url + "/ali/upload-" + seed[0] + ".bin", seed[0]++);
                        spoolPeaks[0] = Math.max(spoolPeaks[0], server.spoolPeak());
                        cpu[0] += r[1] / rounds;
                        if (first) {
                            long create = stats.count(API + "create");
                            long complete = stats.count(API + "complete");
                            long urls = stats.count(API + "getUploadUrl");
                            long otherApi = apiCalls(stats) - create - complete - urls;
                            firstCalls[0] = calls(stats) + "; part bytes " + stats.uploadedPartBytes();
                            firstOk[0] = create == 1 && complete == 1 && otherApi == 0;
                            check("1 GiB upload: create + complete only (+ getUploadUrl when URLs expired)", firstOk[0],
                                    "create " + create + ", complete " + complete + ", getUploadUrl " + urls + ", other " + otherApi);
                        }
                        return r[0];
                    },
                    () -> {
                        server.resetSpoolPeak();
                        double[] r = serverPut(server, url + "/rapid/upload-" + seed[0] + ".bin", seed[0]++);
                        spoolPeaks[1] = Math.max(spoolPeaks[1], server.spoolPeak());
                        cpu[1] += r[1] / rounds;
                        return r[0];
                    },
                    () -> {
                        long t = System.nanoTime();
                        long s = seed[0]++;
                        direct.upload("direct-upload-" + s + ".bin", () -> new Bytes(s, fileSize), fileSize, 20L << 20);
                        return mbps(fileSize, System.nanoTime() - t);
                    });
            Rounds result = rotated(paths, rounds);
            double off = result.best()[0];
            double on = result.best()[1];
            double directRate = result.best()[2];
            // the content of the first rapid-off upload (seed 100) again, now through the rapid mount
            stats.reset();
            double again = timedPut(url + "/rapid/upload-again.bin", 100, fileSize);
            long parts = stats.uploadedPartBytes();
            rows.add(new String[]{"Upload of a " + gib(fileSize) + " file (rapid upload off; target folder listed just before)", "API calls",
                    firstCalls[0], "create + complete (+ getUploadUrl)"});
            rows.add(new String[]{"Second upload of the same content (rapid upload on; no client checksum, so spooled and hashed)", "API calls",
                    calls(stats) + "; part bytes " + parts, "0 part bytes"});
            check("Rapid second upload: 0 part bytes", parts == 0, parts + " part bytes");
            String bestOf = " (best of " + rounds + "; AliDAV in its own JVM, " + AliDavJvm.flagsLabel() + ")";
            rows.add(new String[]{"PUT " + gib(fileSize) + ": rapid upload off" + bestOf, "MB/s; spool peak; server CPU",
                    fmt(off) + " (" + ratio(off, directRate) + " of direct); " + mib(spoolPeaks[0]) + "; " + fmt2(cpu[0]) + " s/GiB", ""});
            rows.add(new String[]{"PUT " + gib(fileSize) + ": rapid upload on, new content (pre-hash first, parts from the body)" + bestOf,
                    "MB/s; spool peak; server CPU",
                    fmt(on) + " (" + ratio(on, directRate) + " of direct, " + ratio(on, off) + " of rapid off); " + mib(spoolPeaks[1]) + "; "
                            + fmt2(cpu[1]) + " s/GiB", "≥ 0.95 of rapid off, no more spooled than rapid off"});
            check("PUT, rapid upload on, new content: ≥ 0.95 of rapid upload off", on >= 0.95 * off, ratio(on, off));
            check("PUT, rapid upload off: ≥ 0.9 of a direct multipart upload", off >= 0.9 * directRate, ratio(off, directRate));
            check("PUT, rapid upload on, new content: spool peak ≤ rapid off's (one part, no whole-body spool)", spoolPeaks[1] <= spoolPeaks[0],
                    mib(spoolPeaks[1]) + " against " + mib(spoolPeaks[0]));
            rows.add(new String[]{"PUT " + gib(fileSize) + ": rapid upload on, content already in the drive", "MB/s",
                    fmt(again) + " (" + ratio(again, directRate) + " of direct)", ""});
            rows.add(new String[]{"PUT " + gib(fileSize) + ": direct multipart upload to the sandbox (20 MiB parts, best of " + rounds + ")", "MB/s",
                    fmt(directRate), "baseline"});
            rows.add(new String[]{"PUT rounds: load average (1 min) at start → end; the server's peak RSS", "", result.load()
                    + "; " + server.peakRssMb() + " MB (VmHWM)", ""});
        }
    }

    /** A timed PUT of new content through the transfer server; answers MB/s and the server's CPU seconds per GiB. */
    private double[] serverPut(TransferServer server, String url, long seed) throws Exception {
        double cpu = server.cpuSeconds();
        double rate = timedPut(url, seed, fileSize);
        return new double[]{rate, (server.cpuSeconds() - cpu) / (fileSize / (double) GIB)};
    }

    /** The best result of each path over the rounds, and the load average (1 min) at their start and end. */
    private record Rounds(double[] best, String load) {
    }

    /** Runs every path once per round, each round starting with another path. */
    private static Rounds rotated(List<TimedGet> paths, int rounds) throws Exception {
        String start = loadAverage();
        double[] best = new double[paths.size()];
        // each round starts with another path, so no path always runs right after the same one
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < paths.size(); k++) {
                int p = (i + k) % paths.size();
                best[p] = Math.max(best[p], paths.get(p).run());
            }
        }
        return new Rounds(best, start + " → " + loadAverage());
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /**
     * Issue 13: reading small files just listed needs no getDownloadUrl, since their listing carries
     * a link. {@code rclone check --download} of {@value #SMALL_SIZE}-byte files against a local copy,
     * then a cold read of another folder: listed once, every file read once.
     */
    private void smallReads() throws Exception {
        CallStats stats = sandbox.stats();
        post("/-/cache/drop");
        stats.reset();
        long t = System.nanoTime();
        rclone("rclone-check.log", "check", "--download", "--stats", "1h", work.resolve("check/small300").toString(), "t:small300");
        double seconds = (System.nanoTime() - t) / 1e9;
        long links = stats.count(API + "getDownloadUrl");
        rows.add(new String[]{"rclone check --download of " + checkFiles + " files of 16 KiB just listed (proxy, official rates)", "s; API calls",
                fmt(seconds) + " s; " + calls(stats), "0 getDownloadUrl, ≤ 15 s"});
        check("rclone check --download of " + checkFiles + " small files: 0 getDownloadUrl", links == 0, links + " getDownloadUrl");
        check("rclone check --download of " + checkFiles + " small files: ≤ 15 s", seconds <= 15, fmt(seconds) + " s");

        post("/-/cache/drop");
        stats.reset();
        t = System.nanoTime();
        Http.expect(207, propfind(base + "/ali/small50/", "1"), "list /ali/small50");
        for (int i = 0; i < coldFiles; i++) {
            long[] r = Http.drain("GET", base + String.format(Locale.ROOT, "/ali/small50/f-%03d.bin", i));
            if (r[0] != 200 || r[1] != SMALL_SIZE) throw new IllegalStateException("GET " + r[0] + " " + r[1]);
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        long coldLinks = stats.count(API + "getDownloadUrl");
        rows.add(new String[]{"Cold read of " + coldFiles + " files of 16 KiB just listed (one PROPFIND, then each GET once)", "ms; API calls",
                ms + " ms; " + calls(stats), "0 getDownloadUrl"});
        check("Cold read of " + coldFiles + " small files just listed: 0 getDownloadUrl", coldLinks == 0, coldLinks + " getDownloadUrl");
    }

    /**
     * Issue 12: a 302 hands out a link with at least half its life left. GETs through the 302 mount of
     * a small file (its listing's link) and a large one (getDownloadUrl) every 10 simulated seconds for
     * 30 simulated minutes, against the sandbox's 900 s links.
     */
    private void linkLife() throws Exception {
        CallStats stats = sandbox.stats();
        Http.expect(207, propfind(base + "/r302/small50/", "1"), "list /r302/small50");
        stats.reset();
        long leastLeft = Long.MAX_VALUE;
        int redirects = 0;
        for (Instant end = clock.instant().plus(Duration.ofMinutes(30)); clock.instant().isBefore(end); clock.advance(Duration.ofSeconds(10))) {
            for (String path : new String[]{"/r302/small50/f-000.bin", "/r302/movie.bin"}) {
                HttpResponse<String> r = Http.send("GET", base + path, null);
                if (r.statusCode() != 302) throw new IllegalStateException("GET " + path + ": " + r.statusCode());
                Matcher m = EXPIRES.matcher(r.headers().firstValue("Location").orElseThrow());
                if (!m.find()) throw new IllegalStateException("no x-oss-expires in the Location of " + path);
                leastLeft = Math.min(leastLeft, Long.parseLong(m.group(1)) - clock.instant().getEpochSecond());
                redirects++;
            }
        }
        rows.add(new String[]{"302: " + redirects + " redirects of a small and a large file over 30 simulated min (900 s links)",
                "least life left; API calls", leastLeft + " s; " + calls(stats), "≥ 450 s (half the link's life)"});
        check("302 hands out links with at least half their life left", leastLeft >= 450, leastLeft + " s");
    }

    private static final Pattern EXPIRES = Pattern.compile("[?&]x-oss-expires=(\\d+)");

    private static String mib(long bytes) {
        return fmt(bytes / (double) (1 << 20)) + " MiB";
    }

    private double timedPut(String url, long seed, long size) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = Http.put(url, () -> new Bytes(seed, size), size);
        if (r.statusCode() != 201 && r.statusCode() != 204) throw new IllegalStateException("PUT " + url + ": " + r.statusCode() + " " + r.body());
        return mbps(size, System.nanoTime() - t);
    }

    /**
     * Direct, proxied and 302 GETs of the same file by the same client, measured alike: AliDAV in its own JVM with the
     * shipped flags ({@link TransferServer}); each path is read once (256 MiB, untimed) before any timed round, so the
     * JIT has compiled the sandbox's, the client's and AliDAV's copy loops and the first path timed is not the slow one;
     * then the paths take turns, each round starting with another one, for {@code -Dbench.getRounds} rounds (3) and the
     * best round of each counts, as the machine is shared and other work only ever slows a round. Timed are the object
     * bytes alone: links are asked for before the clock starts.
     */
    private void gets() throws Exception {
        try (TransferServer server = TransferServer.start(work, credentials(sandbox))) {
            DirectClient direct = new DirectClient(sandbox, sandbox.issueRefreshToken("bench"));
            String id = direct.fileIdOf("movie.bin");
            String proxy = server.url() + "/ali/movie.bin";
            String warmUp = "bytes=0-" + (Math.min(fileSize, 256L << 20) - 1);
            Http.drain("GET", direct.downloadUrl(id), "Range", warmUp);
            Http.drain("GET", proxy, "Range", warmUp); // also resolves the link, as asking for it is outside the direct timing
            int rounds = Integer.getInteger("bench.getRounds", 3);
            String[] how = {""};
            double[] cpu = {0};
            List<TimedGet> paths = List.of(
                    () -> timedGet(direct.downloadUrl(id)),
                    () -> {
                        double before = server.cpuSeconds();
                        double rate = timedGet(proxy);
                        cpu[0] += (server.cpuSeconds() - before) / (fileSize / (double) GIB) / rounds;
                        return rate;
                    },
                    () -> {
                        // 302: whatever the r302 mount's webdav_policy does in this build
                        long t = System.nanoTime();
                        HttpResponse<InputStream> r = Http.CLIENT.send(Http.request(server.url() + "/r302/movie.bin").GET().build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                        long got;
                        if (r.statusCode() == 302 || r.statusCode() == 307) {
                            r.body().close();
                            got = Http.drain("GET", r.headers().firstValue("Location").orElseThrow())[1];
                            how[0] = "302 followed to the sandbox";
                        } else {
                            got = r.body().transferTo(java.io.OutputStream.nullOutputStream());
                            how[0] = "answered " + r.statusCode() + ": webdav_policy 302_redirect is not implemented in this build, so this is streamed";
                        }
                        if (got != fileSize) throw new IllegalStateException("short GET via the 302 mount: " + got);
                        return mbps(got, System.nanoTime() - t);
                    });
            Rounds result = rotated(paths, rounds);
            double directRate = result.best()[0];
            double proxyRate = result.best()[1];
            double redirectRate = result.best()[2];
            if (!how[0].startsWith("302")) notes.add("GET via the 302_redirect mount was " + how[0] + ".");
            String bestOf = " (best of " + rounds + ")";
            rows.add(new String[]{"GET " + gib(fileSize) + ": 302 to the sandbox" + bestOf, "MB/s",
                    fmt(redirectRate) + " (" + ratio(redirectRate, directRate) + " of direct; " + (how[0].startsWith("302") ? "302" : "no 302 in this build") + ")", ""});
            rows.add(new String[]{"GET " + gib(fileSize) + ": native proxy" + bestOf.replace(")", "; AliDAV in its own JVM, " + AliDavJvm.flagsLabel() + ")"),
                    "MB/s; server CPU", fmt(proxyRate) + " (" + ratio(proxyRate, directRate) + " of direct); " + fmt2(cpu[0]) + " s/GiB", "≥ 0.9 of direct"});
            rows.add(new String[]{"GET " + gib(fileSize) + ": direct from the sandbox's object endpoint" + bestOf, "MB/s", fmt(directRate), "baseline"});
            rows.add(new String[]{"GET rounds: load average (1 min) at start → end; the server's peak RSS", "", result.load()
                    + "; " + server.peakRssMb() + " MB (VmHWM)", ""});
            check("Proxy GET ≥ 0.9 of direct", proxyRate >= 0.9 * directRate, ratio(proxyRate, directRate));
        }
    }

    /** One timed read of the benchmark file; answers MB/s. */
    private interface TimedGet {
        double run() throws Exception;
    }

    /** One whole GET of the benchmark file; answers MB/s. */
    private double timedGet(String url) throws Exception {
        long t = System.nanoTime();
        long[] r = Http.drain("GET", url);
        long nanos = System.nanoTime() - t;
        if (r[0] != 200 || r[1] != fileSize) throw new IllegalStateException("GET " + url.replaceAll("\\?.*", "") + ": " + r[0] + ", " + r[1] + " bytes");
        return mbps(r[1], nanos);
    }

    private void propfind() throws Exception {
        CallStats stats = sandbox.stats();
        stats.reset();
        long t = System.nanoTime();
        HttpResponse<String> cold = propfind(base + "/ali/big10k/", "1");
        Http.expect(207, cold, "cold PROPFIND");
        long coldMs = (System.nanoTime() - t) / 1_000_000;
        int responses = count(cold.body(), "<d:response>") + count(cold.body(), "<D:response>");
        rows.add(new String[]{"Cold PROPFIND depth 1 of a " + bigFolder + "-entry folder (fetched once, paged under the governor)", "ms; API calls",
                coldMs + " ms; " + calls(stats) + "; " + responses + " responses", "ceil(n/200) list calls"});
        Http.Latencies ours = propfindSeries(base + "/ali/big10k/");
        try (DavPeer rc = RcloneServe.start(work.resolve("local"), work)) {
            Http.expect(207, propfind(rc.url() + "/big10k/", "1"), "rclone PROPFIND");
            Http.Latencies theirs = propfindSeries(rc.url() + "/big10k/");
            double ratio = ours.percentile(50) / theirs.percentile(50);
            rows.add(new String[]{"Warm PROPFIND depth 1, " + bigFolder + " entries, 50 requests: AliDAV", "p50 / p99 ms",
                    fmt(ours.percentile(50)) + " / " + fmt(ours.percentile(99)), ""});
            rows.add(new String[]{"Warm PROPFIND depth 1, " + bigFolder + " entries, 50 requests: rclone serve webdav (local folder)", "p50 / p99 ms",
                    fmt(theirs.percentile(50)) + " / " + fmt(theirs.percentile(99)), ""});
            rows.add(new String[]{"Warm PROPFIND ratio AliDAV / rclone", "p50 (p99)", fmt2(ratio) + " (" + fmt2(ours.percentile(99) / theirs.percentile(99)) + ")", "≤ 1.0"});
            check("Warm PROPFIND of 10,000 entries: ratio to rclone serve webdav ≤ 1.0 (p50)", ratio <= 1.0, fmt2(ratio));
        }
    }

    private Http.Latencies propfindSeries(String url) throws Exception {
        Http.Latencies l = new Http.Latencies();
        for (int i = 0; i < 5; i++) Http.drain("PROPFIND", url, "Depth", "1"); // warm-up, not counted
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            long[] r = Http.drain("PROPFIND", url, "Depth", "1");
            l.add(System.nanoTime() - t);
            if (r[0] != 207) throw new IllegalStateException("PROPFIND " + r[0]);
        }
        return l;
    }

    /**
     * The 16-client mix, like for like: AliDAV's local driver in a JVM of its own against rclone serve webdav
     * on the same folder. The cloud mount of the in-process server is a row of its own: there every GET is
     * also an upstream request to the sandbox, and server, sandbox and client share one JVM, so it is no
     * comparison with a server of a local folder. Both servers are warm: each gets a warm-up round first.
     */
    private void concurrent() throws Exception {
        for (int i = 0; i < smallFiles; i++) Http.drain("GET", base + "/ali/small/s" + i + ".bin"); // links resolved once
        double[] cloud = load(base + "/ali/small");
        double[] ours = mix(AliDavJvm.start(work.resolve("local"), work));
        double[] theirs = mix(RcloneServe.start(work.resolve("local"), work));
        String how = "req/s; p99 ms; errors";
        rows.add(new String[]{"16 clients, PROPFIND + 4 KiB GETs, " + concurrentSeconds + " s: AliDAV /ali (cloud mount, in-process, via the sandbox)", how, text(cloud), ""});
        rows.add(new String[]{"16 clients, PROPFIND + 4 KiB GETs, " + concurrentSeconds + " s: AliDAV (local folder, own JVM)", how, text(ours), ""});
        rows.add(new String[]{"16 clients, PROPFIND + 4 KiB GETs, " + concurrentSeconds + " s: rclone serve webdav (same folder)", how, text(theirs), ""});
        rows.add(new String[]{"16 clients ratio AliDAV / rclone (same folder)", "req/s (p99)", fmt2(ours[0] / theirs[0]) + " (" + fmt2(ours[1] / theirs[1]) + ")", "≥ 1.0"});
        check("16 clients, PROPFIND + 4 KiB GETs: ≥ 1.0× rclone serve webdav", ours[0] >= theirs[0], fmt2(ours[0] / theirs[0]));
    }

    /** The mix against a server started for it, after an uncounted warm-up round of the same length; stops the server. */
    private double[] mix(DavPeer server) throws Exception {
        try (server) {
            load(server.url() + "/small");
            return load(server.url() + "/small");
        }
    }

    private static String text(double[] load) {
        return fmt(load[0]) + "; " + fmt(load[1]) + "; " + (long) load[2];
    }

    /** 16 clients alternating PROPFIND depth 1 of the folder and a GET of one of its files; answers req/s, p99, errors. */
    private double[] load(String folder) throws Exception {
        Http.Latencies lat = new Http.Latencies();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + concurrentSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int seed = c;
            clients.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        long[] p = Http.drain("PROPFIND", folder + "/", "Depth", "1");
                        if (p[0] != 207) errors.incrementAndGet();
                        lat.add(System.nanoTime() - t);
                        t = System.nanoTime();
                        long[] g = Http.drain("GET", folder + "/s" + rnd.nextInt(smallFiles) + ".bin");
                        if (g[0] != 200 || g[1] != 4096) errors.incrementAndGet();
                        lat.add(System.nanoTime() - t);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) f.get();
        pool.shutdown();
        return new double[]{lat.count() / (double) concurrentSeconds, lat.percentile(99), errors.get()};
    }

    /**
     * Issue 9: 250 slow-body uploads from 127.0.0.2 and 250 from 127.0.0.3 (1 byte every 3 s, starting
     * again when ended) while one client on 127.0.0.1 GETs small files; the server's default limits.
     * The same GETs without the attack first, for how loaded the machine itself is.
     */
    private void slowClients() throws Exception {
        for (int i = 0; i < smallFiles; i++) Http.drain("GET", base + "/ali/small/s" + i + ".bin"); // links resolved once
        long[] quietErrors = {0};
        Http.Latencies quiet = smallGets(Math.max(5, slowClientSeconds / 3), quietErrors);
        long[] errors = {0};
        Http.Latencies attacked;
        String outcome;
        long openAtEnd;
        try (SlowUploadAttack attack = SlowUploadAttack.start(app.port(), "/scratch", 250, "127.0.0.2", "127.0.0.3")) {
            Thread.sleep(3_000); // every attacker connected and sending
            attacked = smallGets(slowClientSeconds, errors);
            openAtEnd = attack.openNow();
            attack.stop();
            outcome = attack.outcome();
        }
        double p99 = attacked.percentile(99);
        rows.add(new String[]{"GETs of 4 KiB from 127.0.0.1, one at a time, no attack (machine baseline)", "p50 / p99 ms; GETs; errors",
                fmt(quiet.percentile(50)) + " / " + fmt(quiet.percentile(99)) + "; " + quiet.count() + "; " + quietErrors[0], ""});
        rows.add(new String[]{"The same GETs during 500 slow-body PUTs (250 each from 127.0.0.2 and .3, 1 byte / 3 s), " + slowClientSeconds + " s",
                "p50 / p99 ms; GETs; errors", fmt(attacked.percentile(50)) + " / " + fmt(p99) + "; " + attacked.count() + "; " + errors[0],
                "p99 < 200 ms"});
        rows.add(new String[]{"The slow-body PUTs themselves (each starts again 1 s after the server ends it)", "count",
                outcome + " (open when the GETs ended: " + openAtEnd + ")", ""});
        check("GET p99 < 200 ms during 500 slow-body uploads", p99 < 200 && errors[0] == 0, fmt(p99) + " ms, " + errors[0] + " errors");
    }

    /** GETs of the small files one after another for {@code seconds} (20 s timeout each); failures are added to {@code errors[0]}. */
    private Http.Latencies smallGets(int seconds, long[] errors) throws InterruptedException {
        Http.Latencies lat = new Http.Latencies();
        Random rnd = new Random(9);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            HttpRequest get = Http.request(base + "/ali/small/s" + rnd.nextInt(smallFiles) + ".bin").timeout(Duration.ofSeconds(20)).GET().build();
            long t = System.nanoTime();
            try {
                HttpResponse<byte[]> r = Http.CLIENT.send(get, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200 || r.body().length != 4096) errors[0]++;
            } catch (IOException e) {
                errors[0]++;
            }
            lat.add(System.nanoTime() - t);
            Thread.sleep(20);
        }
        return lat;
    }

    private static final Pattern TRANSFERRED = Pattern.compile("Transferred:\\s+(\\d+) / (\\d+), ");

    private void rcloneSync() throws Exception {
        Path tree = work.resolve("tree");
        int folders = 20;
        Random rnd = new Random(7);
        for (int i = 0; i < rcloneFiles; i++) {
            Path f = tree.resolve(String.format(Locale.ROOT, "dir-%02d/file-%04d.dat", i % folders, i));
            Files.createDirectories(f.getParent());
            byte[] b = new byte[1024];
            rnd.nextBytes(b);
            Files.write(f, b);
        }
        int remoteFolders = folders + 1;
        CallStats stats = sandbox.stats();
        long[][] runs = new long[2][];
        for (int run = 0; run < 2; run++) {
            stats.reset();
            long t = System.nanoTime();
            String out = rclone("rclone-" + run + ".log", "sync", "-v", "--stats", "1h", "--stats-log-level", "NOTICE",
                    tree.toString(), "t:rclone");
            long transferred = transferred(out);
            long seconds = (System.nanoTime() - t) / 1_000_000_000L;
            runs[run] = new long[]{transferred, stats.count(API + "create"), stats.count(API + "list"), seconds};
            rows.add(new String[]{"rclone sync of a " + rcloneFiles + "-file tree (" + remoteFolders + " folders), run " + (run + 1),
                    "API calls", calls(stats) + "; rclone transferred " + transferred + "; " + seconds + " s",
                    run == 0 ? "" : "0 uploads, list ≤ " + remoteFolders});
        }
        check("rclone second sync: 0 uploads", runs[1][0] == 0 && runs[1][1] == 0, runs[1][0] + " transferred, " + runs[1][1] + " create calls");
        check("rclone second sync: list calls ≤ folders (" + remoteFolders + ")", runs[1][2] <= remoteFolders, runs[1][2] + " list calls");
    }

    /** Runs rclone with remote {@code t:} = the {@code /ali} mount (webdav, vendor owncloud); answers its log, fails on a non-zero exit. */
    private String rclone(String logName, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rclone", "--config", "/dev/null"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("RCLONE_CONFIG_T_TYPE", "webdav");
        pb.environment().put("RCLONE_CONFIG_T_URL", base + "/ali");
        pb.environment().put("RCLONE_CONFIG_T_VENDOR", "owncloud");
        Path logFile = work.resolve(logName);
        pb.redirectOutput(logFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("rclone " + args[0] + " timed out");
        }
        String out = Files.readString(logFile);
        if (p.exitValue() != 0) throw new IllegalStateException("rclone " + args[0] + " failed:\n" + out);
        return out;
    }

    private static long transferred(String out) {
        Matcher m = TRANSFERRED.matcher(out);
        long last = -1;
        while (m.find()) last = Long.parseLong(m.group(1));
        if (last < 0 && out.contains("There was nothing to transfer")) return 0;
        return last;
    }

    private void rss() throws Exception {
        Path jar = Path.of("target/alidav.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/alidav.jar missing: run mvn -DskipTests package first");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = work.resolve("rss.yaml");
        StringBuilder y = new StringBuilder();
        y.append("server: {host: 127.0.0.1, port: ").append(port).append(", data_dir: '").append(work.resolve("rss-data")).append("', log_level: warn}\n");
        y.append("storages:\n  - mount: /\n    driver: aliyundrive-open\n    webdav_policy: native_proxy\n");
        credentials(sandbox).forEach((k, v) -> y.append("    ").append(k).append(": '").append(v).append("'\n"));
        Files.writeString(config, y.toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("rss-server.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        try {
            waitForHealth(url, server);
            AtomicBoolean done = new AtomicBoolean();
            long[] peak = {0, 0};
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    long[] s = Footprint.status(server.pid());
                    peak[0] = Math.max(peak[0], s[0]);
                    peak[1] = Math.max(peak[1], s[1]);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicLong downloaded = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<Future<?>> downloads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                downloads.add(pool.submit(() -> {
                    while (!done.get()) {
                        try {
                            long[] r = Http.drain("GET", url + "/movie.bin");
                            if (r[0] != 200) failures.incrementAndGet();
                            downloaded.addAndGet(r[1]);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long t = System.nanoTime();
            HttpResponse<String> put = Http.put(url + "/rss-upload.bin", () -> new Bytes(5, rssUploadSize), rssUploadSize);
            double rate = mbps(rssUploadSize, System.nanoTime() - t);
            done.set(true);
            for (Future<?> f : downloads) f.get();
            pool.shutdown();
            sampler.join();
            long[] last = Footprint.status(server.pid());
            long hwm = Math.max(peak[0], last[0]);
            rows.add(new String[]{"Peak RSS of the server JVM (-Xmx128m): " + gib(rssUploadSize) + " upload beside 8 proxied downloads",
                    "MB (VmHWM)", (hwm / 1024) + " MB; upload " + put.statusCode() + " at " + fmt(rate) + " MB/s; "
                    + (downloaded.get() >> 20) + " MiB downloaded, " + failures.get() + " failed downloads", "≤ 300 MB"});
            check("Peak RSS ≤ 300 MB", hwm / 1024 <= 300 && (put.statusCode() == 201 || put.statusCode() == 204), (hwm / 1024) + " MB");
            Http.send("DELETE", url + "/rss-upload.bin", null);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static void waitForHealth(String url, Process server) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (!server.isAlive()) throw new IllegalStateException("the server JVM exited with " + server.exitValue());
            try {
                if (Http.send("GET", url + "/-/health", null).statusCode() == 200) return;
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server JVM did not come up");
    }

    /**
     * The flag sets tried; the last is packaging/jvm.options as java reads it, without the launcher's class-data archive
     * (bin/alidav, the shipped start, has rows of its own). By default only the JVM's defaults and that set run;
     * {@code -Dbench.footprintFlags=all} adds the steps between them that chose the shipped set (12 minutes more;
     * docs/benchmarks/jvm-flags.md keeps such a run).
     */
    private static List<Footprint.Candidate> candidates() throws IOException {
        Footprint.Candidate shipped = new Footprint.Candidate("packaging/jvm.options, no class-data archive",
                List.of("@" + Path.of("packaging/jvm.options").toAbsolutePath()));
        String which = System.getProperty("bench.footprintFlags", "shipped");
        if (which.equals("shipped")) return List.of(new Footprint.Candidate("no flags", List.of()), shipped);
        if (!which.equals("all")) throw new IllegalArgumentException("bench.footprintFlags must be shipped or all, not " + which);
        String small = "-XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=32m -Xss512k";
        List<Footprint.Candidate> list = new ArrayList<>(List.of(
                new Footprint.Candidate("no flags", List.of()),
                new Footprint.Candidate("G1 -Xmx128m", List.of("-XX:+UseG1GC", "-Xmx128m")),
                new Footprint.Candidate("Serial -Xmx128m", List.of("-XX:+UseSerialGC", "-Xmx128m")),
                new Footprint.Candidate("Serial -Xmx64m, small caches", flags("-XX:+UseSerialGC -Xmx64m " + small)),
                new Footprint.Candidate("Serial -Xmx64m, small caches, C1 only", flags("-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 " + small)),
                new Footprint.Candidate("as above, -Xms8m", flags("-XX:+UseSerialGC -Xms8m -Xmx64m -XX:TieredStopAtLevel=1 " + small))));
        list.add(shipped);
        return list;
    }

    private static List<String> flags(String text) {
        return List.of(text.split(" "));
    }

    private void footprint() throws Exception {
        Path jar = Path.of("target/alidav.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/alidav.jar missing: run mvn -DskipTests package first");
        Path tree = Footprint.tree(work);
        String load = footprintClients + " clients for " + footprintSeconds + " s";
        String transfer = gib(rssUploadSize) + " upload beside 8 proxied downloads";
        for (Footprint.Candidate c : candidates()) {
            log("   footprint: " + c.name());
            Footprint.Figures f = Footprint.alidav(jar, work, tree, c, footprintClients, footprintSeconds, rssUploadSize);
            // the shipped set names its options file by its absolute path; the table shows it from the project root
            String flags = c.flags().toString().replace(Path.of("").toAbsolutePath() + java.io.File.separator, "");
            footprintRow("AliDAV, " + c.name() + " " + flags, f, load, transfer);
        }
        // what a user gets: bin/alidav records the class-data archive on the first start (a self-test run), maps it on every later one
        Path launcher = Path.of("bin", "alidav");
        Path archive = work.resolve("footprint-cds").resolve("alidav.jsa");
        log("   footprint: bin/alidav, first start (records the class-data archive)");
        long firstEver = Footprint.launcherFirstAnswer(launcher, archive, work, tree);
        rows.add(new String[]{"Footprint: AliDAV, shipped: bin/alidav, first start ever (one self-test run records the class-data archive, then the server starts)",
                "first answer", firstEver + " ms", "once per jar and JVM"});
        log("   footprint: bin/alidav, a later start (maps the archive)");
        Footprint.Figures f = Footprint.launcher(launcher, archive, work, tree, footprintClients, footprintSeconds, rssUploadSize);
        footprintRow("AliDAV, shipped: bin/alidav (packaging/jvm.options + the class-data archive), every later start", f, load, transfer);
        long peakMb = Math.max(f.loadPeakKib(), f.transferPeakKib()) / 1024;
        check("Shipped flags: idle RSS ≤ 80 MB", f.idleKib() / 1024 <= 80, (f.idleKib() / 1024) + " MB");
        check("Shipped flags: peak RSS ≤ 200 MB (" + load + "; " + transfer + ")", peakMb <= 200
                && (f.uploadStatus() == 201 || f.uploadStatus() == 204) && f.loadFailures() == 0, peakMb + " MB");
        check("Shipped flags: first answer ≤ 1.0 s after start (bin/alidav, archive recorded by an earlier start)",
                f.firstAnswerMillis() <= 1000, f.firstAnswerMillis() + " ms");
        if (org.alidav.dav.ExternalClient.installed("rclone")) {
            log("   footprint: rclone serve webdav");
            footprintRow("rclone serve webdav", Footprint.rclone(work, tree, footprintClients, footprintSeconds, rssUploadSize), load, transfer);
        }
    }

    private void footprintRow(String who, Footprint.Figures f, String load, String transfer) {
        rows.add(new String[]{"Footprint: " + who, "first answer; RSS idle / peak under " + load + " / peak during " + transfer,
                String.format(Locale.ROOT, "%d ms; %d / %d / %d MB (VmHWM %d MB); %,d requests, %d failed; upload %d at %s MB/s, %,d MiB downloaded",
                        f.firstAnswerMillis(), f.idleKib() / 1024, f.loadPeakKib() / 1024, f.transferPeakKib() / 1024, f.hwmKib() / 1024,
                        f.loadRequests(), f.loadFailures(), f.uploadStatus(), fmt(f.uploadMbps()), f.downloadedMib()),
                "shipped flags: ≤ 1.0 s; idle ≤ 80 MB, peak ≤ 200 MB"});
    }

    private void proppatch() throws Exception {
        int files = 1000;
        PropPatchLoad.Result r = PropPatchLoad.run(work, proppatches, files);
        String what = String.format(Locale.ROOT, "Dead properties: %,d PROPPATCHes of 4 KiB values over %,d files, server JVM -Xmx128m", proppatches, files);
        double firstP99 = r.first().percentile(99);
        double lastP99 = r.last().percentile(99);
        rows.add(new String[]{what, "p50 (p99) ms, first / last 1,000", fmt(r.first().percentile(50)) + " (" + fmt(firstP99) + ") / "
                + fmt(r.last().percentile(50)) + " (" + fmt(lastP99) + ")", "p99: last ≤ 2× first"});
        rows.add(new String[]{what, "server heap MiB (GC log)", "peak in use " + fmt(r.peakUsedMb()) + ", peak kept after a GC "
                + fmt(r.peakKeptMb()) + ", live after a full GC at the end " + fmt(r.liveAtEndMb()) + "; state.db " + fmt(r.databaseMb())
                + " MB; " + r.answered() + " of " + r.requests() + " answered 207", "< 128"});
        check("PROPPATCH p99 of the last 1,000 ≤ 2× the first 1,000", lastP99 <= 2 * firstP99, fmt2(lastP99 / firstP99) + "×");
        check("Server heap < 128 MiB through " + proppatches + " PROPPATCHes, every one applied",
                r.serverAlive() && r.answered() == r.requests() && r.peakKeptMb() < 128,
                "peak kept " + fmt(r.peakKeptMb()) + " MiB; " + r.answered() + " applied");
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> propfind(String url, String depth) throws Exception {
        return Http.send("PROPFIND", url, null, "Depth", depth);
    }

    private void post(String path) throws Exception {
        Http.expect(200, Http.send("POST", base + path, null), "POST " + path);
    }

    private static long apiCalls(CallStats s) {
        return s.snapshot().entrySet().stream().filter(e -> e.getKey().startsWith("/"))
                .mapToLong(e -> e.getValue().values().stream().mapToLong(Long::longValue).sum()).sum();
    }

    /** "list 3, getDownloadUrl 1 (429: 0)" from the sandbox's counters. */
    private static String calls(CallStats s) {
        StringBuilder sb = new StringBuilder();
        long tooMany = 0;
        for (var e : s.snapshot().entrySet()) {
            if (!e.getKey().startsWith("/")) continue;
            long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            tooMany += e.getValue().getOrDefault(429, 0L);
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey().replace(API, "").replace("/adrive/v1.0/", "").replace("/oauth/", "oauth/")).append(' ').append(n);
        }
        if (sb.length() == 0) sb.append("0");
        if (tooMany > 0) sb.append(" (429s: ").append(tooMany).append(')');
        return sb.toString();
    }

    private void check(String what, boolean ok, String value) {
        checks.add(new String[]{what, value, ok ? "PASS" : "FAIL"});
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static String ratio(double a, double b) {
        return fmt2(a / b);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.1f", d);
    }

    private static String fmt2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String gib(long bytes) {
        return bytes % GIB == 0 ? (bytes / GIB) + " GiB" : String.format(Locale.ROOT, "%.2f GiB", bytes / (double) GIB);
    }

    private static void log(String s) {
        System.err.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + s);
    }

    private String render(long seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("# AliDAV benchmark\n\n");
        sb.append("Generated by `org.alidav.bench.Benchmark` on ").append(Instant.now().toString(), 0, 16).append("Z; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ").append(System.getProperty("java.version"))
                .append(", ").append(rcloneVersion()).append("; total ").append(seconds).append(" s. Loopback only: the sandbox, AliDAV and rclone ")
                .append("run on this machine in the same run.\n\n");
        sb.append("Sandbox: official rate limits (list 4/s, getDownloadUrl 1/s, others 15/s per user), 900 s download links, ")
                .append("download-concurrency limit off (download admission is the download-policy work). AliDAV: default governor ")
                .append("(3.9 / 0.9 / 14.9 per s), cache_ttl 60s, cache_stale_grace 5m; API calls are the sandbox's own counters.\n\n");
        sb.append("| Row | Measure | Result | Target |\n|---|---|---|---|\n");
        for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        sb.append("\n## Acceptance\n\n| Check | Value | Result |\n|---|---|---|\n");
        for (String[] c : checks) sb.append("| ").append(String.join(" | ", c)).append(" |\n");
        if (!notes.isEmpty()) {
            sb.append("\n## Notes\n\n");
            for (String n : notes) sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String rcloneVersion() {
        try {
            Process p = new ProcessBuilder("rclone", "version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("rclone ?");
            p.waitFor();
            return first.trim();
        } catch (IOException | InterruptedException e) {
            return "rclone not found";
        }
    }

    private void close() {
        if (app != null) app.close();
        if (sandbox != null) sandbox.close();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

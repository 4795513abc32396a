package org.alidav.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alidav.ChildServer;
import org.alidav.TestApp;

/**
 * Dead properties under load: PROPPATCHes of 4 KiB values spread over many files, one after another,
 * against the server in a JVM of its own limited to 128 MiB of heap. The heap figures are the server
 * JVM's own, from its GC log: the most it used before a collection, the most it kept after one, and
 * what is live after a full collection forced at the end. Latency is compared between the first and the
 * last thousand requests: with the state in memory or rewritten whole, the last ones were 7× slower.
 * A warm-up on a file of its own comes first, uncounted, so the first thousand are not slowed by JIT
 * compilation (which would flatter the comparison).
 */
final class PropPatchLoad {
    static final int VALUE_BYTES = 4096;
    private static final int WARM_UP = 2000;
    private static final Pattern GC_LINE = Pattern.compile("(Pause (?:Young|Full|Remark|Cleanup)[^\\n]*?) (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    /**
     * @param answered        PROPPATCHes answered 207 with the property set
     * @param first           latencies of the first 1,000
     * @param last            latencies of the last 1,000
     * @param peakUsedMb      most heap in use before a collection
     * @param peakKeptMb      most heap still in use after a collection
     * @param liveAtEndMb     heap in use after a full collection at the end
     * @param databaseMb      size of state.db and its WAL at the end
     * @param serverAlive     the server JVM was still running at the end
     */
    record Result(int requests, int answered, Http.Latencies first, Http.Latencies last, double peakUsedMb, double peakKeptMb,
                  double liveAtEndMb, double databaseMb, boolean serverAlive) {
    }

    private PropPatchLoad() {
    }

    static Result run(Path work, int requests, int files) throws Exception {
        Path dir = Files.createDirectories(work.resolve("proppatch"));
        Path root = Files.createDirectories(dir.resolve("files"));
        for (int i = 0; i < files; i++) Files.createFile(root.resolve(fileName(i)));
        Path config = Files.writeString(dir.resolve("alidav.yaml"), TestApp.localYaml(dir, 0));
        Path gcLog = dir.resolve("gc.log");
        String value = "v".repeat(VALUE_BYTES);
        Http.Latencies first = new Http.Latencies();
        Http.Latencies last = new Http.Latencies();
        int answered = 0;
        boolean alive;
        Files.createFile(root.resolve("warm-up.txt"));
        try (ChildServer server = ChildServer.start(config, "-Xmx128m", "-Xlog:gc:file=" + gcLog)) {
            for (int i = 0; i < WARM_UP; i++) Http.send("PROPPATCH", server.url + "/warm-up.txt", body(0, value));
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = Http.send("PROPPATCH", server.url + "/" + fileName(i % files), body(i / files, value));
                long took = System.nanoTime() - t;
                if (i < 1000) first.add(took);
                if (i >= requests - 1000) last.add(took);
                if (r.statusCode() == 207 && r.body().contains("200 OK")) answered++;
            }
            fullGc(server.process.pid());
            alive = server.process.isAlive();
        }
        double[] heap = heap(Files.readString(gcLog));
        double db = (size(dir.resolve("data/state.db")) + size(dir.resolve("data/state.db-wal"))) / 1e6;
        return new Result(requests, answered, first, last, heap[0], heap[1], heap[2], db, alive);
    }

    private static String body(int property, String value) {
        return "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:b=\"urn:bench\"><D:set><D:prop><b:p" + property + ">"
                + value + "</b:p" + property + "></D:prop></D:set></D:propertyupdate>";
    }

    private static String fileName(int i) {
        return String.format(Locale.ROOT, "f-%04d.txt", i);
    }

    private static void fullGc(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) p.destroyForcibly();
    }

    /** Peak before a collection, peak after one, and after the last full collection, in MB. */
    static double[] heap(String gcLog) {
        double peakBefore = 0;
        double peakAfter = 0;
        double lastFull = Double.NaN;
        Matcher m = GC_LINE.matcher(gcLog);
        while (m.find()) {
            double before = mb(m.group(2), m.group(3));
            double after = mb(m.group(4), m.group(5));
            peakBefore = Math.max(peakBefore, before);
            peakAfter = Math.max(peakAfter, after);
            if (m.group(1).startsWith("Pause Full")) lastFull = after;
        }
        return new double[]{peakBefore, peakAfter, lastFull};
    }

    private static double mb(String number, String unit) {
        double n = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> n / 1024;
            case "G" -> n * 1024;
            default -> n;
        };
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}

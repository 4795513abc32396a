package org.alidav.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The wrk rows of issue 13: AliDAV (its own JVM, local driver), Apache mod_dav and {@code rclone serve webdav}
 * on the same folder of 100 files of 4 KiB. For each request kind every server is started afresh: a cold
 * round of the first seconds after start, an uncounted warm-up round, then the warm round.
 */
final class WrkComparison {
    /** Receives one acceptance row of the benchmark. */
    interface Checks {
        void check(String what, boolean ok, String value);
    }

    private interface Starter {
        DavPeer start(Path folder, Path work) throws Exception;
    }

    private interface Request {
        Wrk.Round run(Wrk wrk, String baseUrl, int seconds) throws Exception;
    }

    private static final String ALIDAV = "AliDAV";
    private static final String APACHE = "Apache mod_dav";
    private static final String RCLONE = "rclone serve webdav";
    private static final int FILES = 100;

    private final Path work;
    private final int seconds;

    WrkComparison(Path work, int seconds) {
        this.work = work;
        this.seconds = seconds;
    }

    void run(List<String[]> rows, Checks checks) throws Exception {
        Path tree = Files.createDirectories(work.resolve("wrk/tree"));
        Random random = new Random(13);
        byte[] b = new byte[4096];
        for (int i = 0; i < FILES; i++) {
            random.nextBytes(b);
            Files.write(tree.resolve(String.format(Locale.ROOT, "f-%03d.bin", i)), b);
        }
        Wrk wrk = new Wrk(work);
        Map<String, Starter> servers = new LinkedHashMap<>();
        servers.put(APACHE, ApacheDav::start);
        servers.put(ALIDAV, AliDavJvm::start);
        servers.put(RCLONE, RcloneServe::start);
        String load = loadAverage();
        Map<String, Wrk.Round[]> get = rounds(servers, tree, wrk, (w, url, s) -> w.get(url + "/f-000.bin", s));
        Map<String, Wrk.Round[]> propfind = rounds(servers, tree, wrk, (w, url, s) -> w.propfind(url + "/", s));
        load += " → " + loadAverage();
        String how = "16 connections, " + seconds + " s; req/s; p99 ms";
        for (String server : servers.keySet()) {
            rows.add(new String[]{"wrk GET 4 KiB, cold (first " + seconds + " s after start) / warm: " + server, how,
                    get.get(server)[0].text() + " / " + get.get(server)[1].text(), ""});
        }
        for (String server : servers.keySet()) {
            rows.add(new String[]{"wrk PROPFIND depth 1 of " + FILES + " entries, cold / warm: " + server, how,
                    propfind.get(server)[0].text() + " / " + propfind.get(server)[1].text(), ""});
        }
        rows.add(new String[]{"wrk load average (1 min) at start → end", "", load, ""});
        ratioRows(rows, checks, "GET 4 KiB", get, 0.6, Double.NaN);
        ratioRows(rows, checks, "PROPFIND depth 1", propfind, 0.8, 2.0);
    }

    private void ratioRows(List<String[]> rows, Checks checks, String what, Map<String, Wrk.Round[]> r, double minRate, double maxP99) {
        Wrk.Round ours = r.get(ALIDAV)[1];
        Wrk.Round apache = r.get(APACHE)[1];
        double rate = ours.perSecond() / apache.perSecond();
        double p99 = ours.p99Ms() / apache.p99Ms();
        String target = "≥ " + minRate + (Double.isNaN(maxP99) ? "" : " (p99 ≤ " + maxP99 + "×)");
        rows.add(new String[]{"wrk warm " + what + ": AliDAV / Apache mod_dav", "req/s (p99)", fmt2(rate) + " (" + fmt2(p99) + ")", target});
        checks.check("wrk warm " + what + ": ≥ " + minRate + " of Apache mod_dav's req/s", rate >= minRate, fmt2(rate));
        if (!Double.isNaN(maxP99)) checks.check("wrk warm " + what + ": p99 ≤ " + maxP99 + "× Apache mod_dav's", p99 <= maxP99, fmt2(p99));
        double cold = r.get(ALIDAV)[0].perSecond() / r.get(RCLONE)[0].perSecond();
        rows.add(new String[]{"wrk cold " + what + ": AliDAV / rclone serve webdav", "req/s", fmt2(cold), "≥ 1.0"});
        checks.check("wrk cold " + what + ": ≥ rclone serve webdav", cold >= 1.0, fmt2(cold));
    }

    /** Per server: the cold round and the warm round, each server started afresh for this request. */
    private Map<String, Wrk.Round[]> rounds(Map<String, Starter> servers, Path tree, Wrk wrk, Request request) throws Exception {
        Map<String, Wrk.Round[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Starter> s : servers.entrySet()) {
            try (DavPeer peer = s.getValue().start(tree, work)) {
                Wrk.Round cold = request.run(wrk, peer.url(), seconds);
                request.run(wrk, peer.url(), seconds); // warm-up, not counted
                out.put(s.getKey(), new Wrk.Round[]{cold, request.run(wrk, peer.url(), seconds)});
            }
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String fmt2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}

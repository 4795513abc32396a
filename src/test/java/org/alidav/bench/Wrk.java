package org.alidav.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} (16 connections, 2 threads) against one URL and reads req/s and p99 from its report. */
final class Wrk {
    /** The properties a client such as rclone asks for in a listing. */
    static final String PROPFIND_BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\"><d:prop>"
            + "<d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/><d:getcontenttype/></d:prop></d:propfind>";
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** One round: requests per second, 99th percentile latency in ms, and failed requests (non-2xx, socket errors). */
    record Round(double perSecond, double p99Ms, long failures) {
        String text() {
            return String.format(Locale.ROOT, "%.0f; %.1f%s", perSecond, p99Ms, failures == 0 ? "" : "; " + failures + " failed");
        }
    }

    private final Path propfindScript;

    Wrk(Path work) throws Exception {
        propfindScript = work.resolve("propfind.lua");
        Files.writeString(propfindScript, "wrk.method = \"PROPFIND\"\nwrk.headers[\"Depth\"] = \"1\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/xml\"\nwrk.body = '" + PROPFIND_BODY + "'\n");
    }

    Round get(String url, int seconds) throws Exception {
        return run(url, seconds, List.of());
    }

    Round propfind(String folderUrl, int seconds) throws Exception {
        return run(folderUrl, seconds, List.of("-s", propfindScript.toString()));
    }

    private Round run(String url, int seconds, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", "--timeout", "10s"));
        cmd.addAll(extra);
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("wrk failed:\n" + out);
        return new Round(number(RATE, out), p99(out), failures(out));
    }

    private static double number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) throw new IllegalStateException("no " + p + " in the wrk report:\n" + out);
        return Double.parseDouble(m.group(1));
    }

    private static double p99(String out) {
        Matcher m = P99.matcher(out);
        if (!m.find()) throw new IllegalStateException("no p99 in the wrk report:\n" + out);
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static long failures(String out) {
        long n = 0;
        Matcher m = NON_2XX.matcher(out);
        if (m.find()) n += Long.parseLong(m.group(1));
        m = SOCKET_ERRORS.matcher(out);
        if (m.find()) for (int g = 1; g <= 4; g++) n += Long.parseLong(m.group(g));
        return n;
    }
}

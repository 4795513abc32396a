package org.alidav.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the litmus WebDAV suite against a collection URL and reads its per-group summaries. */
public final class Litmus {
    public static final List<String> ALL_GROUPS = List.of("basic", "copymove", "props", "locks", "http");
    private static final Pattern SUMMARY = Pattern.compile("<- summary for `(\\w+)': of (\\d+) tests run: (\\d+) passed, (\\d+) failed");
    static final Pattern FAILED = Pattern.compile("(\\w+)\\.+\\s*FAIL(.*)$", Pattern.MULTILINE);

    /** One group's line: tests run, passed, failed. */
    public record Summary(int run, int passed, int failed) {
    }

    /** What one litmus run reported. */
    public record Report(Map<String, Summary> groups, List<String> failures, String output, long millis) {
    }

    private Litmus() {
    }

    /** Runs {@code groups} against {@code collectionUrl} (which must exist), or stops as {@link ExternalClient#require} says when litmus is absent. */
    public static Report run(Path workDir, String collectionUrl, String user, String password, List<String> groups)
            throws Exception {
        ExternalClient.require("litmus");
        long start = System.nanoTime();
        ExternalClient.Result r = ExternalClient.run(workDir, Map.of("TESTS", String.join(" ", groups)), 600,
                List.of("litmus", "-k", collectionUrl, user, password));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(r.output());
        return new Report(summaries(r.output()), failures(r.output()), r.output(), millis);
    }

    /** Asserts a summary for each of {@code groups} and no failure anywhere. */
    public static void assertNoFailures(Report report, List<String> groups) {
        assertEquals(List.of(), report.failures(), "litmus failures");
        for (String g : groups) {
            assertTrue(report.groups().containsKey(g), "no summary for group " + g + ":\n" + report.output());
            assertEquals(0, report.groups().get(g).failed(), g + " failures");
        }
    }

    static Map<String, Summary> summaries(String output) {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            summaries.put(m.group(1), new Summary(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))));
        }
        return summaries;
    }

    static List<String> failures(String output) {
        List<String> failures = new ArrayList<>();
        Matcher f = FAILED.matcher(output);
        while (f.find()) failures.add(f.group(1) + f.group(2));
        return failures;
    }
}

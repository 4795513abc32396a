package org.alidav.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alidav.TestApp;
import org.alidav.config.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong password for an existing user and any password for an unknown user take the same time
 * (the unknown name is checked against a decoy hash with the same PBKDF2 parameters), so timing
 * does not tell which user names exist. Each try comes as another forwarded client through a
 * trusted proxy, so the lockout never cuts in; tries are interleaved and compared by their medians.
 */
class LoginTimingTest {
    private static final int TRIES = 20;
    private static final int ITERATIONS = 200_000;

    @TempDir
    Path dir;

    @Test
    void unknownUsersCostAsMuchAsWrongPasswords() throws Exception {
        String hash = PasswordHasher.hash("correct horse".toCharArray(), ITERATIONS);
        try (TestApp app = TestApp.start(dir, "server: {host: 127.0.0.1, port: 0, data_dir: '" + dir.resolve("data")
                + "', trusted_proxies: [127.0.0.1]}\n"
                + "users: [{name: alice, password: '" + hash + "'}]\n"
                + "storages:\n  - {mount: /, driver: local, root: '" + dir.resolve("files") + "', create_root: true}\n", false)) {
            for (int i = 0; i < 5; i++) {
                timedFailure(app, "alice", 250, i);
                timedFailure(app, "mallory", 251, i);
            }
            List<Long> existing = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                // which of the pair goes first alternates, so neither side always follows the other
                if (i % 2 == 0) existing.add(timedFailure(app, "alice", 1, i));
                unknown.add(timedFailure(app, "mallory" + i, 2, i));
                if (i % 2 == 1) existing.add(timedFailure(app, "alice", 1, i));
            }
            double a = median(existing) / 1e6;
            double b = median(unknown) / 1e6;
            System.out.printf("login timing, median of %d interleaved tries (PBKDF2 %d iterations): existing user, wrong password %.1f ms;"
                    + " unknown user %.1f ms; ratio %.2f%n", TRIES, ITERATIONS, a, b, b / a);
            assertTrue(Math.abs(a - b) <= 0.2 * Math.max(a, b), "medians " + a + " ms and " + b + " ms differ by more than 20%");
        }
    }

    /** Nanoseconds for one failed login, sent as forwarded client 10.{group}.0.{i}. */
    private static long timedFailure(TestApp app, String user, int group, int i) throws Exception {
        app.as(user, "wrong guess " + i);
        long start = System.nanoTime();
        int status = app.send("PROPFIND", "/", (String) null, "Depth", "0", "X-Forwarded-For", "10." + group + ".0." + i).statusCode();
        long took = System.nanoTime() - start;
        assertEquals(401, status);
        return took;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}

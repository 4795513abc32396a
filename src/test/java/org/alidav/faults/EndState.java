package org.alidav.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alidav.sandbox.SandboxServer;

/**
 * Judges a case's end state from the sandbox's own state (never through the server under test) and
 * the server's spool folder, which must hold no upload body once the writes are over.
 */
final class EndState {
    private final SandboxServer sandbox;
    private final String user;

    EndState(SandboxServer sandbox, String user) {
        this.sandbox = sandbox;
        this.user = user;
    }

    /** The write path's rules, and no file left in {@code spoolDir}. */
    CaseResult judge(WriteCase c, List<Integer> statuses, Path spoolDir) {
        List<String> violations = new ArrayList<>(c.path().violations(c, CloudFolder.read(sandbox, user, c.folder()), statuses));
        List<String> spooled = files(spoolDir);
        if (!spooled.isEmpty()) violations.add("temp files in the spool " + spooled);
        return new CaseResult(statuses, violations);
    }

    /**
     * As {@link #judge}, judged again every {@code poll} until it holds or {@code within} passed: for
     * a server in another JVM whose own maintenance passes the test has no handle on.
     */
    CaseResult settled(WriteCase c, List<Integer> statuses, Path spoolDir, Duration within, Duration poll)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        CaseResult r = judge(c, statuses, spoolDir);
        while (!r.violations().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(poll.toMillis());
            r = judge(c, statuses, spoolDir);
        }
        return r;
    }

    private static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

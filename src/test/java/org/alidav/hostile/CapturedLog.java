package org.alidav.hostile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the server logs while open: slf4j-simple writes to whatever {@code System.err} is at
 * the time of each line, so swapping the stream captures the real log output, line breaks included.
 * The lines are also passed on to the original stream (the surefire report keeps them).
 */
final class CapturedLog implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** The captured output split at real line breaks, as a log reader would see it. */
    List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Lines containing {@code text}. */
    List<String> linesWith(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    /** Lines containing {@code text}, waiting up to two seconds for one: the access line is written after the answer. */
    List<String> awaitLinesWith(String text) throws InterruptedException {
        for (int i = 0; i < 100 && linesWith(text).isEmpty(); i++) Thread.sleep(20);
        return linesWith(text);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}

package org.alidav.server.guard;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;

/**
 * At most one log line per interval for one kind of refusal, so that a client opening thousands of
 * connections cannot flood the log: the lines left out are counted in the next one written.
 */
final class ThrottledLog {
    private final Logger log;
    private final long intervalNanos;
    private long lastNanos;
    private boolean written;
    private long skipped;

    ThrottledLog(Logger log, long interval, TimeUnit unit) {
        this.log = log;
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Logs {@code message} (slf4j style, one argument per {}) at WARN unless a line was written recently. */
    void warn(String message, Object... args) {
        long left;
        synchronized (this) {
            long now = NanoTime.now();
            if (written && now - lastNanos < intervalNanos) {
                skipped++;
                return;
            }
            written = true;
            lastNanos = now;
            left = skipped;
            skipped = 0;
        }
        if (left == 0) {
            log.warn(message, args);
        } else {
            log.warn(message + " ({} similar lines left out since the last one)", append(args, left));
        }
    }

    private static Object[] append(Object[] args, Object more) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}

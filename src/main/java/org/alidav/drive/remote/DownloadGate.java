package org.alidav.drive.remote;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.alidav.drive.DriveException;

/**
 * The object-storage download connections of one cloud user. Object storages cap concurrent
 * downloads per user (AliyunDrive's at about 2 per user and app, docs/open-api.md, "Download links")
 * and refuse beyond; so every storage of one user in this process shares one gate, which the driver
 * keeps in its per-user registry, and a request over the budget waits in a fair queue instead of failing.
 *
 * <p>The gate also keeps upstream streams a client finished with but that could serve the next
 * nearby Range request of the same file ({@link #park}): a player reading a file as many short
 * sequential ranges then costs one connection, not one per range. A parked stream keeps its
 * permit, but gives it up at once to a waiting request and is closed after {@code reuseIdle}.
 */
public final class DownloadGate {
    /**
     * @param connections  concurrent upstream connections of the user
     * @param queueTimeout how long a request waits for a connection before 503
     * @param reuseIdle    how long a finished stream is kept for a nearby request; zero = never
     * @param reuseWindow  how far ahead of a parked stream a request may start (the gap is read and dropped)
     */
    public record Settings(int connections, Duration queueTimeout, Duration reuseIdle, long reuseWindow) {
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "download-gate-idle");
        t.setDaemon(true);
        return t;
    });

    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition freed = lock.newCondition();
    private final ArrayDeque<Upstream> parked = new ArrayDeque<>();
    private int active;

    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong busyRetries = new AtomicLong();

    public DownloadGate(Settings settings) {
        if (settings.connections() < 1) throw new IllegalArgumentException("connections must be at least 1");
        this.settings = settings;
    }

    /** The driver opened a new upstream stream under a permit of this gate (not a parked one reused). */
    public void countOpened() {
        opened.incrementAndGet();
    }

    /** The object storage refused a connection as over its concurrency limit, and the driver asks again. */
    public void countBusyRetry() {
        busyRetries.incrementAndGet();
    }

    public long opened() {
        return opened.get();
    }

    /** Requests that had to wait for a permit. */
    public long queued() {
        return queued.get();
    }

    public long busyRetries() {
        return busyRetries.get();
    }

    /** Connections held now, parked ones included. */
    public int active() {
        lock.lock();
        try {
            return active;
        } finally {
            lock.unlock();
        }
    }

    public int parkedCount() {
        lock.lock();
        try {
            return parked.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a connection permit, taking one from the oldest parked stream if need be. */
    public void acquire() {
        Upstream evicted = null;
        lock.lock();
        try {
            long deadline = System.nanoTime() + settings.queueTimeout().toNanos();
            boolean counted = false;
            while (active >= settings.connections() && parked.isEmpty()) {
                if (!counted) {
                    queued.incrementAndGet();
                    counted = true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw DriveException.unavailable("all " + settings.connections() + " download connections are busy", Duration.ofSeconds(5), null);
                }
                try {
                    freed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw DriveException.unavailable("interrupted while waiting for a download connection", Duration.ofSeconds(1), e);
                }
            }
            if (active < settings.connections()) {
                active++;
            } else {
                evicted = parked.pollFirst();
                evicted.disown();
            }
        } finally {
            lock.unlock();
        }
        if (evicted != null) evicted.close();
    }

    public void release() {
        lock.lock();
        try {
            active--;
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A parked stream of {@code key} positioned at or shortly before {@code offset}, now the caller's; or null. */
    Upstream takeParked(String key, long offset) {
        lock.lock();
        try {
            for (Iterator<Upstream> it = parked.iterator(); it.hasNext(); ) {
                Upstream u = it.next();
                if (u.key().equals(key) && u.position() <= offset && offset - u.position() <= settings.reuseWindow()) {
                    it.remove();
                    return u;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Keeps {@code u} for a nearby request, or closes it when reuse is off or someone waits for a connection. */
    void park(Upstream u) {
        boolean keep;
        lock.lock();
        try {
            keep = !settings.reuseIdle().isZero() && !lock.hasWaiters(freed);
            if (keep) parked.addLast(u);
        } finally {
            lock.unlock();
        }
        if (!keep) {
            u.close();
            return;
        }
        TIMER.schedule(() -> expire(u), settings.reuseIdle().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire(Upstream u) {
        boolean mine;
        lock.lock();
        try {
            mine = parked.remove(u);
        } finally {
            lock.unlock();
        }
        if (mine) u.close();
    }
}

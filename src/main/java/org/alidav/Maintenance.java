package org.alidav;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alidav.drive.DriveException;
import org.alidav.drive.cache.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every storage's maintenance pass ({@link Storage#maintain}) at start and then every
 * {@code server.maintenance_interval}, on one daemon thread: passes never overlap, and a storage
 * whose backend is down only logs and tries again next time.
 */
final class Maintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "maintenance");
        t.setDaemon(true);
        return t;
    });

    private final List<Storage> storages;

    private Maintenance(List<Storage> storages) {
        this.storages = storages;
    }

    static Maintenance start(List<Storage> storages, Duration interval) {
        Maintenance m = new Maintenance(storages);
        m.executor.scheduleWithFixedDelay(() -> storages.forEach(Maintenance::pass), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return m;
    }

    /** One pass of every storage now, in turn with the scheduled ones; returns when it is done. */
    void runNow() throws InterruptedException {
        try {
            executor.submit(() -> storages.forEach(Maintenance::pass)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("maintenance pass failed", e.getCause());
        }
    }

    private static void pass(Storage storage) {
        try {
            storage.maintain();
        } catch (DriveException e) {
            LOG.warn("maintenance of storage {} failed, retried in the next pass: {}", storage.name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("maintenance of storage {} failed", storage.name(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

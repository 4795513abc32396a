package org.alidav.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work behind {@code async_task_id} (folder copy) and its Succeed|Running|Failed state. */
final class AsyncTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncTasks.class);

    enum State { Succeed, Running, Failed }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Duration delay;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-async-tasks");
        t.setDaemon(true);
        return t;
    });

    AsyncTasks(Duration delay) {
        this.delay = delay;
    }

    /** Runs {@code work} after the configured delay; the task reads Running until it ends. */
    String submit(Runnable work) {
        String id = Ids.hex(40);
        states.put(id, State.Running);
        executor.schedule(() -> {
            try {
                work.run();
                states.put(id, State.Succeed);
            } catch (RuntimeException e) {
                LOG.warn("async task failed", e);
                states.put(id, State.Failed);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        return id;
    }

    /** A task for work that was already done synchronously (folder trash/delete). */
    String finished() {
        String id = Ids.hex(40);
        states.put(id, State.Succeed);
        return id;
    }

    State state(String id) {
        State s = states.get(id);
        if (s == null) {
            throw new ApiException(404, "NotFound.AsyncTask", "The async task cannot be found: " + id);
        }
        return s;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}

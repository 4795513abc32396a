package org.alidav.drive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.drive.DrivePath;
import org.junit.jupiter.api.Test;

class PathLocksTest {
    private final PathLocks locks = new PathLocks();
    private static final DrivePath A = DrivePath.parse("/a");
    private static final DrivePath B = DrivePath.parse("/b");

    @Test
    void writersOfOnePathTakeTurnsAndNoLockOutlivesItsUsers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            done.add(pool.submit(() -> {
                try (PathLocks.Held held = locks.lock(A)) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.yield();
                    inside.decrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(1, most.get(), "never two writers of /a at once");
        assertEquals(0, locks.active(), "no lock is kept for a path nobody writes");
    }

    @Test
    void differentPathsRunTogether() throws Exception {
        CountDownLatch bothIn = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> met = new ArrayList<>();
        for (DrivePath p : List.of(A, B)) {
            met.add(pool.submit(() -> {
                try (PathLocks.Held held = locks.lock(p)) {
                    bothIn.countDown();
                    return bothIn.await(5, TimeUnit.SECONDS);
                }
            }));
        }
        for (Future<Boolean> f : met) assertTrue(f.get(10, TimeUnit.SECONDS), "the other path's writer got in meanwhile");
        pool.shutdown();
    }

    @Test
    void twoPathWritesInOppositeDirectionsDoNotDeadlock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boolean forward = i % 2 == 0;
            done.add(pool.submit(() -> {
                try (PathLocks.Held held = forward ? locks.lock(A, B) : locks.lock(B, A)) {
                    Thread.yield();
                }
            }));
        }
        for (Future<?> f : done) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(0, locks.active());
    }
}

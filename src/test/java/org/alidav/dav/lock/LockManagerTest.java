package org.alidav.dav.lock;

import org.alidav.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.alidav.state.Sql;
import org.alidav.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockManagerTest {
    private final TestClock clock = new TestClock();
    @TempDir
    Path dir;
    private StateStore state;
    private LockManager locks;

    @BeforeEach
    void open() {
        state = StateStore.open(dir.resolve("state.db"));
        locks = restarted();
    }

    @AfterEach
    void close() {
        state.close();
    }

    /** A new manager over the same table, as after a restart of the server. */
    private LockManager restarted() {
        return new LockManager(clock, Duration.ofHours(1), new LockTable(state));
    }

    private static LockRequest request(String path, LockScope scope, LockDepth depth) {
        return new LockRequest(path, scope, depth, "<D:href xmlns:D=\"DAV:\">me</D:href>", "alice",
                TimeoutHeader.INFINITE);
    }

    private ActiveLock lock(String path, LockScope scope, LockDepth depth) throws LockConflictException {
        return locks.lock(request(path, scope, depth));
    }

    @Test
    void grantsLockWithUuidTokenAndKeepsOwnerAndPrincipal() throws Exception {
        ActiveLock l = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        assertTrue(l.token().matches("urn:uuid:[0-9a-f-]{36}"), l.token());
        assertEquals("<D:href xmlns:D=\"DAV:\">me</D:href>", l.ownerXml());
        assertEquals("alice", l.principal());
        assertEquals(List.of(l), locks.locksAt("/a"));
        assertEquals(l, locks.find(l.token()).orElseThrow());
    }

    @Test
    void exclusiveConflictsWithAnythingOnSameResource() throws Exception {
        ActiveLock first = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        LockConflictException e = assertThrows(LockConflictException.class,
                () -> lock("/a", LockScope.SHARED, LockDepth.ZERO));
        assertEquals(first, e.conflicting());
        assertThrows(LockConflictException.class, () -> lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO));
    }

    @Test
    void sharedLocksCoexistButBlockExclusive() throws Exception {
        lock("/a", LockScope.SHARED, LockDepth.ZERO);
        lock("/a", LockScope.SHARED, LockDepth.ZERO);
        assertEquals(2, locks.locksAt("/a").size());
        assertThrows(LockConflictException.class, () -> lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO));
    }

    @Test
    void depthInfinityLockConflictsWithLocksBelowAndAbove() throws Exception {
        lock("/c/d/f", LockScope.EXCLUSIVE, LockDepth.ZERO);
        assertThrows(LockConflictException.class, () -> lock("/c", LockScope.EXCLUSIVE, LockDepth.INFINITY));
        lock("/c", LockScope.EXCLUSIVE, LockDepth.ZERO); // depth 0 on the collection does not reach /c/d/f
        assertThrows(LockConflictException.class, () -> lock("/c/d", LockScope.SHARED, LockDepth.INFINITY));

        lock("/x", LockScope.EXCLUSIVE, LockDepth.INFINITY);
        assertThrows(LockConflictException.class, () -> lock("/x/y/z", LockScope.SHARED, LockDepth.ZERO));
        lock("/xy", LockScope.EXCLUSIVE, LockDepth.ZERO); // sibling with a common name prefix
    }

    @Test
    void rootLockCoversEverything() throws Exception {
        ActiveLock root = lock("/", LockScope.SHARED, LockDepth.INFINITY);
        assertEquals(List.of(root), locks.locksCovering("/a/b"));
        assertThrows(LockConflictException.class, () -> lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO));
    }

    @Test
    void coveringAndBelowQueries() throws Exception {
        ActiveLock deep = lock("/c", LockScope.SHARED, LockDepth.INFINITY);
        ActiveLock shallow = lock("/c/d", LockScope.SHARED, LockDepth.ZERO);
        ActiveLock leaf = lock("/c/d/e", LockScope.SHARED, LockDepth.ZERO);
        assertEquals(List.of(deep, shallow), locks.locksCovering("/c/d"));
        assertEquals(List.of(deep), locks.locksCovering("/c/d/other"));
        assertEquals(List.of(shallow, leaf), locks.locksAtOrBelow("/c/d"));
        assertEquals(List.of(), locks.locksCovering("/other"));
    }

    @Test
    void timeoutIsCappedAndLockExpires() throws Exception {
        ActiveLock l = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        assertEquals(Duration.ofHours(1), l.timeout());
        assertEquals(3600, l.secondsLeft(clock.instant()));
        assertEquals(3600, l.secondsLeft(clock.instant().plusMillis(1)));
        assertEquals(0, l.secondsLeft(clock.instant().plus(Duration.ofHours(2))));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(locks.find(l.token()).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(locks.find(l.token()).isEmpty());
        lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO); // no conflict with the expired one
    }

    @Test
    void requestedTimeoutBelowCapIsKept() throws Exception {
        ActiveLock l = locks.lock(new LockRequest("/a", LockScope.EXCLUSIVE, LockDepth.ZERO, "", null,
                Duration.ofSeconds(100)));
        assertEquals(Duration.ofSeconds(100), l.timeout());
    }

    @Test
    void refreshRestartsTimeout() throws Exception {
        ActiveLock l = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        clock.advance(Duration.ofMinutes(50));
        ActiveLock refreshed = locks.refresh(l.token(), Duration.ofSeconds(600)).orElseThrow();
        assertEquals(600, refreshed.secondsLeft(clock.instant()));
        assertEquals(l.token(), refreshed.token());
        clock.advance(Duration.ofMinutes(11));
        assertTrue(locks.refresh(l.token(), TimeoutHeader.INFINITE).isEmpty());
    }

    @Test
    void unlockByToken() throws Exception {
        ActiveLock l = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        assertTrue(locks.unlock(l.token()));
        assertFalse(locks.unlock(l.token()));
        assertTrue(locks.locksAt("/a").isEmpty());
    }

    @Test
    void deleteAndMoveDropLocksAtAndBelowSourceOnly() throws Exception {
        lock("/c", LockScope.SHARED, LockDepth.ZERO);
        lock("/c/d", LockScope.SHARED, LockDepth.ZERO);
        ActiveLock sibling = lock("/cd", LockScope.SHARED, LockDepth.ZERO);
        ActiveLock destination = lock("/dest", LockScope.SHARED, LockDepth.INFINITY);
        locks.onMove("/c");
        assertEquals(List.of(sibling), locks.locksAtOrBelow("/cd"));
        assertEquals(List.of(destination), locks.locksCovering("/dest/c"));
        assertTrue(locks.locksAtOrBelow("/c").isEmpty());
        locks.onDelete("/");
        assertTrue(locks.locksAtOrBelow("/").isEmpty());
    }

    @Test
    void liveLocksAndTheirRefreshesOutliveARestart() throws Exception {
        ActiveLock kept = lock("/a", LockScope.EXCLUSIVE, LockDepth.INFINITY);
        ActiveLock released = lock("/b", LockScope.EXCLUSIVE, LockDepth.ZERO);
        ActiveLock deleted = lock("/c/d", LockScope.SHARED, LockDepth.ZERO);
        clock.advance(Duration.ofMinutes(50));
        locks.refresh(kept.token(), Duration.ofHours(1));
        locks.unlock(released.token());
        locks.onDelete("/c");

        LockManager after = restarted();
        ActiveLock reloaded = after.find(kept.token()).orElseThrow();
        assertEquals(List.of(kept.token(), "/a", "<D:href xmlns:D=\"DAV:\">me</D:href>", "alice"),
                List.of(reloaded.token(), reloaded.root(), reloaded.ownerXml(), reloaded.principal()));
        assertEquals(LockDepth.INFINITY, reloaded.depth());
        assertEquals(3600, reloaded.secondsLeft(clock.instant()), "the refreshed timeout was written through");
        assertTrue(after.find(released.token()).isEmpty());
        assertTrue(after.find(deleted.token()).isEmpty());
        assertThrows(LockConflictException.class, () -> after.lock(request("/a/x", LockScope.EXCLUSIVE, LockDepth.ZERO)));
    }

    @Test
    void locksExpiredWhileStoppedAreNotLoadedAndArePurged() throws Exception {
        lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        clock.advance(Duration.ofHours(2));
        assertTrue(restarted().locksAtOrBelow("/").isEmpty());
        int rows = state.read(c -> Sql.query(c, "SELECT COUNT(*) FROM locks", row -> row.getInt(1)).get(0));
        assertEquals(0, rows, "expired rows are deleted");
    }

    @Test
    void concurrentExclusiveLocksOnOnePathGrantExactlyOne() throws Exception {
        int threads = 8;
        List<Thread> workers = new ArrayList<>();
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    lock("/race", LockScope.EXCLUSIVE, LockDepth.ZERO);
                    granted.incrementAndGet();
                } catch (LockConflictException | InterruptedException expected) {
                    // the losers
                }
            });
            workers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        assertEquals(1, granted.get());
    }

    @Test
    void heldByComparesPrincipal() throws Exception {
        ActiveLock l = lock("/a", LockScope.EXCLUSIVE, LockDepth.ZERO);
        assertTrue(l.isHeldBy("alice"));
        assertFalse(l.isHeldBy("bob"));
        assertFalse(l.isHeldBy(null));
        assertSame(LockDepth.ZERO, l.depth());
    }
}

package org.alidav.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The effect of {@link Fault#stall}: calls it hits are held, unanswered, until the test decides
 * what becomes of them. This is how a test stops a client at a given step: wait until the call is
 * {@linkplain #awaitReached reached}, act (e.g. kill the client), then {@link #release} the call (it
 * is processed and answered, whether or not anyone still listens) or {@link #drop} it (the
 * connection is closed, nothing applied). The decision holds for calls still to come.
 */
public final class Stall implements Fault.Effect {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch decided = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean goOn;

    /** True once a call is held; false when {@code timeout} passed first. */
    public boolean awaitReached(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Calls being held now. */
    public int held() {
        return held.get();
    }

    /** Held calls are processed and answered. */
    public void release() {
        decide(true);
    }

    /** Held calls are dropped unanswered, with nothing applied. */
    public void drop() {
        decide(false);
    }

    private void decide(boolean proceed) {
        if (decided.getCount() == 0) return;
        goOn = proceed;
        decided.countDown();
    }

    /** Holds the calling request; true when it should go on, false when it is to be dropped. */
    boolean hold() {
        held.incrementAndGet();
        reached.countDown();
        try {
            decided.await();
            return goOn;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sandbox is stopping
            return false;
        } finally {
            held.decrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "Stall[held=" + held.get() + ", decided=" + (decided.getCount() == 0) + "]";
    }
}

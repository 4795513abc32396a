package org.alidav.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.alidav.hostile.LoopbackSocket;

/**
 * The slow-body attack of issue 9: clients from given loopback addresses each PUT a body announced
 * as 1,000,000 bytes and send one byte every 3 s; when the server ends one, that client waits a
 * second and starts again, until {@link #stop}. Counts how the server ended them.
 */
final class SlowUploadAttack implements AutoCloseable {
    private static final long DECLARED = 1_000_000;
    private static final int BYTE_EVERY_MILLIS = 3_000;
    private static final int PAUSE_AFTER_END_MILLIS = 1_000;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong otherAnswers = new AtomicLong();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    private SlowUploadAttack(int total) {
        this.clients = Executors.newFixedThreadPool(total);
    }

    /** Starts {@code perAddress} clients from each of {@code addresses} against the server on 127.0.0.1:{@code port}. */
    static SlowUploadAttack start(int port, String path, int perAddress, String... addresses) {
        SlowUploadAttack attack = new SlowUploadAttack(perAddress * addresses.length);
        for (String from : addresses) {
            for (int i = 0; i < perAddress; i++) {
                String target = path + "/slow-" + from + "-" + i + ".bin";
                attack.running.add(attack.clients.submit(() -> attack.client(from, port, target)));
            }
        }
        return attack;
    }

    private Void client(String from, int port, String target) throws InterruptedException {
        while (!stopped.get()) {
            try (LoopbackSocket s = LoopbackSocket.connect(from, port).startPut(target, DECLARED)) {
                opened.incrementAndGet();
                open.incrementAndGet();
                try {
                    count(trickleUntilEnded(s));
                } finally {
                    open.decrementAndGet();
                }
            } catch (IOException e) {
                dropped.incrementAndGet();
            }
            if (!stopped.get()) Thread.sleep(PAUSE_AFTER_END_MILLIS);
        }
        return null;
    }

    /** Sends a byte, waits for an answer for 3 s, again, until the server answers or closes; "open" if stopped first. */
    private String trickleUntilEnded(LoopbackSocket s) throws IOException {
        while (!stopped.get()) {
            if (!s.trickle()) return "closed";
            String answer = s.answer(BYTE_EVERY_MILLIS);
            if (!answer.equals("open")) return answer;
        }
        return "open";
    }

    private void count(String answer) {
        if (answer.equals("open")) return;
        if (answer.equals("closed")) dropped.incrementAndGet();
        else if (answer.contains(" 408 ")) timedOut.incrementAndGet();
        else if (answer.contains(" 503 ")) busy.incrementAndGet();
        else otherAnswers.incrementAndGet();
    }

    void stop() throws Exception {
        stopped.set(true);
        for (Future<?> f : running) f.get();
    }

    /** "connections 1234; ended 408: …; refused 503: …; closed unanswered: …; other answers: …; open now: …". */
    String outcome() {
        return "connections " + opened.get() + "; ended 408: " + timedOut.get() + "; refused 503: " + busy.get()
                + "; closed unanswered: " + dropped.get() + "; other answers: " + otherAnswers.get() + "; open now: " + open.get();
    }

    long openNow() {
        return open.get();
    }

    @Override
    public void close() {
        stopped.set(true);
        clients.shutdownNow();
    }
}

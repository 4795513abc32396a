package org.alidav.server.guard;

import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A request whose body reads are timed by a {@link Pace}: a wait starts when the handler demands
 * content and ends when Jetty says some arrived. {@link #fail} ends a wait that lasted too long with
 * a {@link SocketTimeoutException} from the body's next read, which the WebDAV layer answers 408.
 */
final class PacedRequest extends Request.Wrapper {
    private final Pace pace;
    private final AtomicReference<Runnable> waiter = new AtomicReference<>();
    private volatile Content.Chunk failure;

    PacedRequest(Request request, Pace pace) {
        super(request);
        this.pace = pace;
    }

    Pace pace() {
        return pace;
    }

    @Override
    public void demand(Runnable onContent) {
        if (failure != null) {
            onContent.run();
            return;
        }
        pace.waitStarted(NanoTime.now());
        waiter.set(onContent);
        // keeps the handler's invocation type, so Jetty may still wake a blocked reader from the selector
        super.demand(Invocable.from(Invocable.getInvocationType(onContent), this::wake));
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk failed = failure;
        if (failed != null) return failed;
        Content.Chunk chunk = super.read();
        if (chunk != null && chunk.getByteBuffer() != null) pace.received(chunk.getByteBuffer().remaining());
        return chunk;
    }

    /**
     * Makes every further read fail with {@code cause} and wakes the handler if it waits for content;
     * answers whether it did (else nobody was reading, and the connection is better closed).
     */
    boolean fail(SocketTimeoutException cause) {
        failure = Content.Chunk.from(cause, true);
        Runnable onContent = claimWaiter();
        if (onContent == null) return false;
        // called from the sweeper, which must never block: a blocking wake-up goes to the server's threads
        if (Invocable.getInvocationType(onContent) == Invocable.InvocationType.NON_BLOCKING) {
            onContent.run();
        } else {
            getComponents().getExecutor().execute(onContent);
        }
        return true;
    }

    private void wake() {
        Runnable onContent = claimWaiter();
        if (onContent != null) onContent.run();
    }

    /** The pending demand, taken once: either content arrived or {@link #fail} came first. */
    private Runnable claimWaiter() {
        Runnable onContent = waiter.getAndSet(null);
        if (onContent != null) pace.waitEnded(NanoTime.now());
        return onContent;
    }
}

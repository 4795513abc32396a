package org.alidav.server.guard;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that carry a body hold their thread for as long as the client takes to send it, so they
 * may use only a share of the thread pool: past {@link ClientLimits#bodyRequestThreads} at once they
 * are answered 503 with Retry-After, and GET, HEAD and body-less PROPFINDs always find a thread.
 *
 * <p>Why not virtual threads: the server runs on Java 17, which has none (Jetty 12 uses them only on
 * 21+), and a blocked virtual thread still pins whatever the upload holds (a part buffer, a spool
 * file, an upstream connection); a bound on concurrent uploads is what keeps those bounded too.
 */
public final class BodyBulkhead extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(BodyBulkhead.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final Semaphore permits;
    private final int size;
    private final ThrottledLog refusals = new ThrottledLog(log, 10, TimeUnit.SECONDS);

    public BodyBulkhead(int size, Handler handler) {
        super(handler);
        this.size = size;
        this.permits = new Semaphore(size);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) return super.handle(request, response, callback);
        if (!permits.tryAcquire()) {
            refusals.warn("{} {} from {}: {} requests with a body already in progress; answered 503", request.getMethod(),
                    request.getHttpURI().getPath(), Request.getRemoteAddr(request), size);
            refuse(response, callback);
            return true;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) permits.release();
        };
        boolean handled = false;
        try {
            handled = super.handle(request, response, new Callback.Nested(callback) {
                @Override
                public void completed() {
                    release.run();
                }
            });
            return handled;
        } finally {
            if (!handled) release.run();
        }
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The body stays unread, so the connection cannot carry another request: say so. */
    private static void refuse(Response response, Callback callback) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, "too many uploads at once; try again shortly\n", callback);
    }
}

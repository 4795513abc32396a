package org.alidav.server.guard;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
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
 * may use only a share of the thread pool: uploads (PUT) at most {@link ClientLimits#uploadThreads},
 * other bodies (the XML of PROPFIND, PROPPATCH, LOCK) at most {@link ClientLimits#XML_BODY_THREADS},
 * each share apart so that a flood of slow uploads leaves Finder its PROPFIND bodies. Past its share a
 * request is answered 503 with Retry-After; GET, HEAD and body-less requests always find a thread.
 *
 * <p>Why not virtual threads: the server runs on Java 17, which has none (Jetty 12 uses them only on
 * 21+), and a blocked virtual thread still pins whatever the upload holds (a part buffer, a spool
 * file, an upstream connection); a bound on concurrent uploads is what keeps those bounded too.
 */
public final class BodyBulkhead extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(BodyBulkhead.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final Share uploads;
    private final Share xmlBodies = new Share("requests with an XML body", ClientLimits.XML_BODY_THREADS);
    private final ThrottledLog refusals = new ThrottledLog(log, 10, TimeUnit.SECONDS);

    public BodyBulkhead(int uploadThreads, Handler handler) {
        super(handler);
        this.uploads = new Share("uploads", uploadThreads);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) return super.handle(request, response, callback);
        Share share = HttpMethod.PUT.is(request.getMethod()) ? uploads : xmlBodies;
        if (!share.permits().tryAcquire()) {
            refusals.warn("{}: {} {} already in progress; answered 503", ClientRequestText.of(request), share.size(), share.name());
            refuse(share, response, callback);
            return true;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) share.permits().release();
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
    private static void refuse(Share share, Response response, Callback callback) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, "too many " + share.name() + " at once; try again shortly\n", callback);
    }

    /** One share of the threads: what it is called in the log, and its permits. */
    private record Share(String name, int size, Semaphore permits) {
        Share(String name, int size) {
            this(name, size, new Semaphore(size));
        }
    }
}

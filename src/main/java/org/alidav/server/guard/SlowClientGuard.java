package org.alidav.server.guard;

import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Minimum data rates for request bodies and responses ({@link Pace}), enforced by a sweeper that
 * looks at every exchange in flight a few times a second.
 *
 * <p>Why not Jetty's own: {@code HttpConfiguration.setMinRequestDataRate} (ee10) and
 * {@code MinimumDataRateHandler} compare the average since the first byte only when the next read or
 * write is attempted. A client that sends nothing is then caught by the idle timeout alone, a burst
 * buys minutes of trickling, time the server spent not reading counts against the client, and
 * Jetty 12 ignores {@code setMinResponseDataRate}. Here a wait is timed while it lasts.
 *
 * <p>A body that is too slow while no answer has been sent fails the handler's read, which the
 * WebDAV layer answers 408 with {@code Connection: close}; otherwise (a response the client does not
 * take, a handler that ignores the failure) the connection is closed.
 */
public final class SlowClientGuard extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);
    private static final long SWEEP_MILLIS = 250;

    private final ClientLimits limits;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final ThrottledLog slowBodies = new ThrottledLog(log, 10, TimeUnit.SECONDS);
    private final ThrottledLog slowReaders = new ThrottledLog(log, 10, TimeUnit.SECONDS);
    private ScheduledExecutorService sweeper;

    public SlowClientGuard(ClientLimits limits, Handler handler) {
        super(handler);
        this.limits = limits;
    }

    @Override
    protected void doStart() throws Exception {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slow-client-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long grace = limits.rateGrace().toNanos();
        PacedRequest in = limits.minRequestRate() > 0 ? new PacedRequest(request, new Pace(limits.minRequestRate(), grace)) : null;
        Request req = in == null ? request : in;
        PacedResponse out = limits.minResponseRate() > 0 ? new PacedResponse(req, response, new Pace(limits.minResponseRate(), grace)) : null;
        if (in == null && out == null) return super.handle(request, response, callback);
        Exchange exchange = new Exchange(request, response, in, out);
        inFlight.add(exchange);
        Callback done = new Callback.Nested(callback) {
            @Override
            public void completed() {
                inFlight.remove(exchange);
            }
        };
        boolean handled = false;
        try {
            handled = super.handle(req, out == null ? response : out, done);
            return handled;
        } finally {
            if (!handled) inFlight.remove(exchange);
        }
    }

    private void sweep() {
        long now = NanoTime.now();
        for (Exchange e : inFlight) {
            try {
                e.check(now);
            } catch (RuntimeException x) {
                log.warn("checking a client's data rate: {}", x.toString());
            }
        }
    }

    /** One request and its response as watched by the sweeper. */
    private final class Exchange {
        private final Request request;
        private final Response response;
        private final PacedRequest in;
        private final PacedResponse out;
        private long failedAt;

        Exchange(Request request, Response response, PacedRequest in, PacedResponse out) {
            this.request = request;
            this.response = response;
            this.in = in;
            this.out = out;
        }

        void check(long now) {
            if (failedAt != 0) {
                // the handler was told and has not finished within another grace: take the connection away
                if (now - failedAt > limits.rateGrace().toNanos()) close("request body too slow");
                return;
            }
            if (in != null && in.pace().overdue(now)) {
                failedAt = now;
                String why = "request body slower than " + in.pace().bytesPerSecond() + " B/s";
                boolean answered = !response.isCommitted() && in.fail(new SocketTimeoutException(why));
                slowBodies.warn("{}: {}; {}", ClientRequestText.of(request), why, answered ? "answered 408" : "connection closed");
                if (!answered) close(why);
            } else if (out != null && out.pace().overdue(now)) {
                failedAt = now;
                String why = "client takes the response slower than " + out.pace().bytesPerSecond() + " B/s";
                slowReaders.warn("{}: {}; connection closed", ClientRequestText.of(request), why);
                close(why);
            }
        }

        private void close(String why) {
            inFlight.remove(this);
            request.getConnectionMetaData().getConnection().getEndPoint().close(new TimeoutException(why));
        }
    }
}

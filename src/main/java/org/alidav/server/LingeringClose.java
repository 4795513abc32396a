package org.alidav.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's lingering close, for a request refused while its body is still coming (507 over the quota,
 * 413, 401, 403, 423...). Closing a socket with unread bytes makes the kernel answer the client's next
 * segment with a reset, and a client still writing its body then loses the answer it had not read yet
 * ("header parser received no bytes"). So the answer is completed first, marked
 * {@code Connection: close}; then the rest of the body is read and dropped for at most
 * {@link #MAX_TIME} and {@link #MAX_BYTES}, and the connection is closed: long enough for a client to
 * finish a moderate body or to read the answer, short enough that a refused multi-gigabyte upload
 * holds a thread for seconds only. The first filter of the context, so it also sees the refusals of
 * the authentication filter.
 */
final class LingeringClose implements Filter {
    private static final Logger log = LoggerFactory.getLogger(LingeringClose.class);
    static final Duration MAX_TIME = Duration.ofSeconds(5);
    static final long MAX_BYTES = 64L << 20;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        RefusalResponse refusal = new RefusalResponse(req, resp);
        chain.doFilter(req, refusal);
        // a sendError answer is written by the error handler after this filter: Jetty closes that connection
        if (refusal.errorSent) return;
        try {
            if (!refusedWithBodyUnread(req, resp.getStatus())) return;
            complete(resp);
            EndPoint endPoint = ServletContextRequest.getServletContextRequest(req).getConnectionMetaData().getConnection().getEndPoint();
            // a client waiting for 100 Continue has sent no body and will send none after a refusal
            if (!"100-continue".equalsIgnoreCase(req.getHeader("Expect"))) linger(req.getInputStream(), endPoint);
            // closed here, whether the body ended or not: the client was told so, and a half-closed
            // connection would otherwise wait for a client that may never close its side
            endPoint.close();
        } catch (IOException e) {
            log.debug("client went away after its request was refused: {}", e.toString());
        }
    }

    private static boolean refusedWithBodyUnread(HttpServletRequest req, int status) throws IOException {
        // 408: the body is too slow already, reading more of it is what the guard stopped
        if (status < 400 || status == HttpServletResponse.SC_REQUEST_TIMEOUT) return false;
        if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) return false;
        try {
            return !req.getInputStream().isFinished();
        } catch (IllegalStateException e) {
            return false; // the body was read as text: the reader saw it through
        }
    }

    /**
     * Marks a refusal {@code Connection: close} when its status is set, before a handler that writes
     * a short answer commits it: a client told nothing would put the connection back in its pool.
     */
    private static final class RefusalResponse extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private boolean errorSent;

        RefusalResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            markRefusal(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            super.sendError(sc, msg);
            errorSent = true;
            markRefusal(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            super.sendError(sc);
            errorSent = true;
            markRefusal(sc);
        }

        private void markRefusal(int sc) {
            try {
                if (!isCommitted() && refusedWithBodyUnread(request, sc)) setHeader("Connection", "close");
            } catch (IOException e) {
                log.debug("could not look at the request body: {}", e.toString());
            }
        }
    }

    /** Writes the whole answer out, the last chunk of a chunked one included. */
    private static void complete(HttpServletResponse resp) throws IOException {
        try {
            resp.getOutputStream().close();
        } catch (IllegalStateException e) {
            resp.getWriter().close(); // the answer was written as text
        }
    }

    /** Reads and drops the body until its end, {@link #MAX_BYTES} or {@link #MAX_TIME}. */
    private static void linger(ServletInputStream in, EndPoint endPoint) throws IOException {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        // a client that stops sending without closing ends the blocked read at the deadline
        endPoint.setIdleTimeout(MAX_TIME.toMillis());
        byte[] scratch = new byte[64 * 1024];
        long left = MAX_BYTES;
        while (left > 0 && System.nanoTime() < deadline) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) return;
            left -= n;
        }
    }
}

package org.alidav.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Carries out a {@link Fault.Effect} on one request and counts the outcome, for every servlet alike. */
final class FaultResponder {
    /** What became of the call. */
    enum Outcome {
        /** Nothing injected, or a stall was released: the servlet carries on as usual. */
        GO_ON,
        /** The fault answered (counted). */
        ANSWERED,
        /** The connection was closed unanswered (counted). */
        DROPPED
    }

    private final CallStats stats;

    FaultResponder(CallStats stats) {
        this.stats = stats;
    }

    /** Applies the effect, if any, of {@code plan} for this call at {@code phase}. */
    Outcome apply(FaultPlan plan, Fault.Phase phase, String endpoint, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        Fault.Effect effect = plan.take(endpoint, phase).orElse(null);
        if (effect == null) return Outcome.GO_ON;
        if (effect instanceof Fault.Reply r) return answer(endpoint, r, req, resp);
        if (effect instanceof Fault.Redirect r) return redirect(endpoint, r, req, resp);
        if (effect instanceof Stall s && s.hold()) return Outcome.GO_ON;
        return drop(endpoint, req); // a Drop, or a stall the test dropped
    }

    private Outcome drop(String endpoint, HttpServletRequest req) {
        // counted before the socket closes: a client that sees the drop sees the count too
        stats.record(endpoint, CallStats.DROPPED);
        Connections.drop(req);
        return Outcome.DROPPED;
    }

    private Outcome redirect(String endpoint, Fault.Redirect r, HttpServletRequest req, HttpServletResponse resp) {
        String query = req.getQueryString();
        stats.record(endpoint, r.status());
        resp.setStatus(r.status());
        resp.setHeader("Location", req.getRequestURL() + (query == null ? "" : "?" + query));
        resp.setContentLength(0);
        return Outcome.ANSWERED;
    }

    private Outcome answer(String endpoint, Fault.Reply r, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        // read the rest of the body first, so a client still sending can finish and read the answer
        try (InputStream in = req.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        stats.record(endpoint, r.status());
        resp.reset();
        resp.setStatus(r.status());
        resp.setContentType(r.contentType());
        r.headers().forEach(resp::setHeader);
        resp.setContentLength(r.body().length);
        resp.getOutputStream().write(r.body());
        return Outcome.ANSWERED;
    }
}

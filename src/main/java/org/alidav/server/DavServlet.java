package org.alidav.server;

import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.servlet.MiltonServlet;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.alidav.dav.upload.ChecksumRecalculation;
import org.alidav.dav.http.PathAbsoluteRequest;
import org.alidav.dav.http.RequestChecks;
import org.alidav.dav.http.RequestRejected;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from the servlet world into Milton. Methods Milton has no name for (PATCH, SEARCH...)
 * would throw in Milton's request constructor and end as an empty 200: they are 501 here, but for
 * Nextcloud's checksum PATCH ({@link ChecksumRecalculation}), answered beside Milton. The
 * request then passes {@link RequestChecks} and reaches Milton with query-only parameters and a
 * path-only URL ({@link PathAbsoluteRequest}), so no answer carries the client's Host back.
 */
final class DavServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(DavServlet.class);

    private final transient HttpManager manager;
    private final transient RequestChecks checks;
    private final transient ChecksumRecalculation checksums;

    DavServlet(HttpManager manager, RequestChecks checks, ChecksumRecalculation checksums) {
        this.manager = manager;
        this.checks = checks;
        this.checksums = checksums;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (ChecksumRecalculation.asked(req)) {
            try {
                MiltonServlet.setThreadlocals(req, resp); // the login's mount scope
                checksums.respond(req, resp);
            } finally {
                MiltonServlet.clearThreadlocals();
            }
            return;
        }
        if (!isMiltonMethod(req.getMethod())) {
            resp.setHeader("Allow", "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, MKCOL, COPY, MOVE");
            resp.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
            return;
        }
        HttpServletRequest checked;
        try {
            checked = checks.check(req);
        } catch (RequestRejected r) {
            log.info("{} {}: {} {}", LogText.escape(req.getMethod()), LogText.escape(req.getRequestURI()), r.status(), LogText.escape(r.getMessage()));
            r.respond(resp);
            return;
        }
        HttpServletRequest request = req.getMethod().equals("POST") ? checked : new QueryOnlyParameters(checked);
        try {
            MiltonServlet.setThreadlocals(request, resp);
            manager.process(new PathAbsoluteRequest(request, getServletContext()), new ServletResponse(resp));
        } finally {
            MiltonServlet.clearThreadlocals();
        }
    }

    private static boolean isMiltonMethod(String method) {
        try {
            Request.Method.valueOf(method);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

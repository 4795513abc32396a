package org.alidav.dav.lock.testserver;

import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.servlet.MiltonServlet;
import io.milton.servlet.ServletRequest;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** TEST ONLY: the bridge from Jetty to Milton (the real one belongs to the DAV layer). */
final class TestDavServlet extends HttpServlet {
    private final transient HttpManager manager;

    TestDavServlet(HttpManager manager) {
        this.manager = manager;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Request.Method.valueOf(req.getMethod());
        } catch (IllegalArgumentException unknownMethod) {
            resp.sendError(501);
            return;
        }
        try {
            MiltonServlet.setThreadlocals(req, resp);
            manager.process(new ServletRequest(req, getServletContext()), new ServletResponse(resp));
        } finally {
            MiltonServlet.clearThreadlocals();
            resp.flushBuffer();
        }
    }
}

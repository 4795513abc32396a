package org.alidav.dav;

import io.milton.http.Filter;
import io.milton.http.FilterChain;
import io.milton.http.Request;
import io.milton.http.Response;
import io.milton.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.alidav.dav.http.ErrorResponses;
import org.alidav.dav.lock.LockPaths;

/**
 * COPY or MOVE into a mount the user may not see is 404, as any access to it is. Milton would say
 * 409 (no parent folder there), which is what it says of a path that does not exist for anyone;
 * for the user the mount does not exist either, but the status of a hidden mount's paths must be
 * the same everywhere, so the check is made before Milton's handler.
 */
final class HiddenDestinationFilter implements Filter {
    private final DavResourceFactory factory;

    HiddenDestinationFilter(DavResourceFactory factory) {
        this.factory = factory;
    }

    @Override
    public void process(FilterChain chain, Request request, Response response) {
        Request.Method method = request.getMethod();
        String destination = request.getDestinationHeader();
        if ((method == Request.Method.COPY || method == Request.Method.MOVE) && destination != null && hidden(destination)) {
            ErrorResponses.status(ServletResponse.getResponse(), HttpServletResponse.SC_NOT_FOUND, "not found: the destination");
            return;
        }
        chain.process(request, response);
    }

    private boolean hidden(String destination) {
        try {
            return factory.hidden(LockPaths.fromUrl(destination));
        } catch (IllegalArgumentException e) {
            return false; // a malformed Destination is the request checks' and Milton's to refuse
        }
    }
}

package org.alidav.dav.sign;

import io.milton.http.exceptions.BadRequestException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.alidav.dav.http.ErrorResponses;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.FileResource;
import org.alidav.drive.DriveException;

/**
 * Serves {@link SignedRoute}: {@code GET|HEAD <prefix>/<WebDAV path>?sign=<sign>}. Installed before
 * the authentication filter and never passing the request on, so it needs no WebDAV credentials but
 * a signature; a missing, bad or expired one is 403 before the path is even looked up, so the answer
 * tells nothing about whether the file exists.
 *
 * <p>Everything under the prefix belongs to this route: a WebDAV path of that name is not reachable
 * while the route is on (it is on only when a storage uses {@code use_proxy_url}; the prefix is
 * {@code downloads.sign_path}, so a clash is resolved by choosing another one, e.g. {@code /-/d}).
 */
public final class SignedDownloadFilter implements Filter {
    private final SignedRoute route;
    private final DavResourceFactory resources;

    public SignedDownloadFilter(SignedRoute route, DavResourceFactory resources) {
        this.route = route;
        this.resources = resources;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            ErrorResponses.status(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "signed links are read with GET or HEAD");
            return;
        }
        String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String path = full.length() > route.prefix().length() ? full.substring(route.prefix().length()) : "";
        if (!path.startsWith("/") || !route.signer().verify(path, sign(request.getQueryString()))) {
            ErrorResponses.status(response, HttpServletResponse.SC_FORBIDDEN, "invalid or expired signature");
            return;
        }
        try {
            if (!(resources.getResource(request.getServerName(), path) instanceof FileResource file)) {
                ErrorResponses.status(response, HttpServletResponse.SC_NOT_FOUND, "no such file");
                return;
            }
            route.responder().respond(request, response, file);
        } catch (BadRequestException e) {
            ErrorResponses.status(response, HttpServletResponse.SC_BAD_REQUEST, "invalid path");
        } catch (DriveException e) {
            ErrorResponses.drive(request, response, "signed " + request.getMethod() + " " + path, e);
        }
    }

    /** The {@code sign} parameter, read from the query alone (never a request body). */
    static String sign(String query) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals("sign")) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

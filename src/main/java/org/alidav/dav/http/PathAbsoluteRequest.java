package org.alidav.dav.http;

import io.milton.servlet.ServletRequest;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The request as Milton sees it, with its URL reduced to the path. Milton builds every href of its
 * answers (PROPFIND, PROPPATCH, DELETE multi-status) from the request URL, which servlet containers
 * build from the {@code Host} header, a value any client chooses. Hrefs here are path-absolute
 * ({@code /a/b}), as Apache writes them and as RFC 4918 §8.3 allows; litmus, rclone, davfs2, Finder
 * and Explorer resolve them against the URL they asked.
 */
public final class PathAbsoluteRequest extends ServletRequest {
    private final String path;

    public PathAbsoluteRequest(HttpServletRequest request, ServletContext context) {
        super(request, context);
        this.path = request.getRequestURI();
    }

    /** The raw (still percent-encoded) request path, without scheme, host or query. */
    @Override
    public String getAbsoluteUrl() {
        return path;
    }

    /** Milton would cut the first eight characters of a URL looking for the host; there is none here. */
    @Override
    public String getAbsolutePath() {
        return path;
    }
}

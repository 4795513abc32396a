package org.alidav.dav.resource;

import io.milton.http.HttpManager;
import io.milton.http.Request;

/** COPY's Depth header (RFC 4918 §9.8.3): {@code 0} copies a folder without its members. Milton does not pass it on. */
enum CopyDepth {
    SHALLOW, DEEP;

    static CopyDepth ofRequest() {
        Request r = HttpManager.request();
        String depth = r == null ? null : r.getRequestHeader(Request.Header.DEPTH);
        return depth != null && depth.trim().equals("0") ? SHALLOW : DEEP;
    }
}

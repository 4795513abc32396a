package org.alidav.dav.http;

import io.milton.http.HttpManager;
import io.milton.http.Request;
import io.milton.http.Response;

/**
 * 204 for a MOVE or COPY that replaced an existing destination (RFC 4918 §9.8.5, §9.9.4). Milton
 * answers 204 only when it deleted the destination itself; we keep the destination until the new
 * item is in place, so Milton answers 201 and the request remembers that a destination was replaced.
 */
public final class OverwriteStatus {
    private static final String REPLACED = OverwriteStatus.class.getName() + ".replaced";

    private OverwriteStatus() {
    }

    /** The current request replaced an existing destination. */
    public static void replaced() {
        Request request = HttpManager.request();
        if (request != null) request.getAttributes().put(REPLACED, Boolean.TRUE);
    }

    /** Turns Milton's 201 into 204 when the request replaced its destination. */
    public static void apply(Request request, Response response) {
        if (Boolean.TRUE.equals(request.getAttributes().get(REPLACED)) && response.getStatus() == Response.Status.SC_CREATED) {
            response.setStatus(Response.Status.SC_NO_CONTENT);
        }
    }
}

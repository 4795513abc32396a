package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A request refused before it reaches Milton, with the status and body to answer. */
public final class RequestRejected extends Exception {
    private final int status;
    private final String contentType;
    private final String body;

    public RequestRejected(int status, String reason) {
        this(status, reason, "text/plain; charset=utf-8", reason + "\n");
    }

    public RequestRejected(int status, String reason, String contentType, String body) {
        super(reason);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public void respond(HttpServletResponse response) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(b.length);
        response.getOutputStream().write(b);
    }
}

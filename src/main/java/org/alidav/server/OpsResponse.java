package org.alidav.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How every {@code /-/} endpoint answers: a whole body, never cached. */
public final class OpsResponse {
    private OpsResponse() {
    }

    public static void write(HttpServletResponse resp, int status, String type, String body) throws IOException {
        write(resp, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(HttpServletResponse resp, int status, String type, byte[] bytes) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}

package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.alidav.drive.DriveException;

/**
 * Writes error answers. {@link #drive} is THE mapping of driver errors to HTTP: the status comes
 * from {@link DriveException.Kind#httpStatus}, transient errors carry {@code Retry-After}.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static void drive(HttpServletResponse response, DriveException e) {
        Duration retry = e.retryAfter();
        if (!reset(response)) return;
        if (retry != null) response.setHeader("Retry-After", Long.toString(Math.max(1, (retry.toMillis() + 999) / 1000)));
        text(response, e.kind().httpStatus, e.getMessage());
    }

    /** A short plain-text answer, unless the response is already on its way. */
    public static void status(HttpServletResponse response, int status, String message) {
        if (reset(response)) text(response, status, message);
    }

    private static boolean reset(HttpServletResponse response) {
        if (response.isCommitted()) return false;
        response.reset();
        return true;
    }

    private static void text(HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        byte[] body = ((message == null ? "" : message) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // the client is gone; the access log still records the status
        }
    }
}

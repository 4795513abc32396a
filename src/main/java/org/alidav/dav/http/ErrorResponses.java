package org.alidav.dav.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.alidav.drive.DriveException;
import org.alidav.drive.LoginRequired;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes error answers. {@link #drive} is THE mapping of driver errors to HTTP: the status comes
 * from {@link DriveException.Kind#httpStatus}, transient errors carry {@code Retry-After}. Errors
 * about the client's request (not found, exists, conflict, bad name, full, read-only) say so with
 * the driver's message; errors of the backend answer in plain words only ({@link #publicMessage}),
 * because their messages carry exception classes, upstream hosts and ports, file ids: those are
 * for the log, which {@link #drive} writes.
 */
public final class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private ErrorResponses() {
    }

    /**
     * Logs the error with its details ({@code what}: the request, such as "GET /a/b") and answers it;
     * {@code request} is where a storage that needs a login points the user to (this server's login page).
     */
    public static void drive(HttpServletRequest request, HttpServletResponse response, String what, DriveException e) {
        log.info("{}: {} ({}){}", LogText.escape(what), LogText.escape(e.getMessage()), e.kind(),
                e.getCause() == null ? "" : ", caused by " + LogText.escape(e.getCause()));
        Duration retry = e.retryAfter();
        if (!reset(response)) return;
        if (retry != null) response.setHeader("Retry-After", Long.toString(Math.max(1, (retry.toMillis() + 999) / 1000)));
        text(response, e.kind().httpStatus, e instanceof LoginRequired l ? loginMessage(request, l) : publicMessage(e));
    }

    /** How to log in: this server's login page, as the client reached it, or the command. */
    static String loginMessage(HttpServletRequest request, LoginRequired e) {
        String mount = e.mount() == null ? "/" : e.mount();
        String page = RequestOrigin.of(request) + "/-/login?mount=" + URLEncoder.encode(mount, StandardCharsets.UTF_8);
        return (e.expired() ? "the AliyunDrive login of this storage has expired or was revoked" : "not logged in to AliyunDrive")
                + ": open " + page + " or run `alidav login --mount " + mount + "`";
    }

    /** What the client is told about a driver error. */
    static String publicMessage(DriveException e) {
        return switch (e.kind()) {
            case RATE_LIMITED -> "the storage is busy (rate-limited by the cloud service); try again later";
            case UNAVAILABLE -> "the storage is unavailable at the moment; try again later";
            case UPSTREAM -> "the storage failed to carry out the request";
            default -> e.getMessage();
        };
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

package org.alidav.drive;

import java.time.Duration;

/**
 * The one error type of the driver SPI. {@link Kind} is what the DAV layer maps to an HTTP status,
 * once, so that every driver reports a missing file, a full drive or a throttled cloud the same way.
 */
public class DriveException extends RuntimeException {

    /** What went wrong, with the HTTP status a WebDAV client should see. */
    public enum Kind {
        NOT_FOUND(404),
        ALREADY_EXISTS(412),
        CONFLICT(409),
        INVALID_NAME(400),
        QUOTA_EXCEEDED(507),
        RATE_LIMITED(503),
        UNAVAILABLE(503),
        /** No usable login: see {@link LoginRequired}. */
        NOT_LOGGED_IN(503),
        READ_ONLY(403),
        UPSTREAM(502);

        public final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public DriveException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public DriveException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long a client should wait before trying again, or null when the error is not transient. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static DriveException notFound(String what) {
        return new DriveException(Kind.NOT_FOUND, "not found: " + what);
    }

    public static DriveException alreadyExists(String what) {
        return new DriveException(Kind.ALREADY_EXISTS, "already exists: " + what);
    }

    public static DriveException conflict(String message) {
        return new DriveException(Kind.CONFLICT, message);
    }

    public static DriveException invalidName(String name) {
        return new DriveException(Kind.INVALID_NAME, "invalid name: " + name + ": " + DrivePath.NAME_RULE);
    }

    public static DriveException rateLimited(String message, Duration retryAfter) {
        return new DriveException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public static DriveException unavailable(String message, Duration retryAfter, Throwable cause) {
        return new DriveException(Kind.UNAVAILABLE, message, retryAfter, cause);
    }

    public static DriveException upstream(String message, Throwable cause) {
        return new DriveException(Kind.UPSTREAM, message, null, cause);
    }
}

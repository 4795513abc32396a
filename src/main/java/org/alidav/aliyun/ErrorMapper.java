package org.alidav.aliyun;

import java.time.Duration;
import java.util.Set;
import org.alidav.drive.DriveException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps Open API error answers to driver error kinds (docs/open-api.md, "Rate limits and errors"). */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** Account or authorisation states a user must fix on the Aliyun side. */
    private static final Set<String> ACCOUNT_BLOCKED = Set.of("UserNotAllowedAccessResource", "UserNotAllowedAccessDrive",
            "ExceedCapacityForbidden", "ForbiddenDriveLocked", "ForbiddenDriveNotValid", "PermissionDenied",
            "AccessTokenInvalid", "AccessTokenExpired", "I400JD");

    private static final Duration SERVER_ERROR_RETRY = Duration.ofSeconds(5);

    private ErrorMapper() {
    }

    static OpenApiException fromJson(int status, String code, String message, Duration retryAfter) {
        String c = code == null ? "" : code;
        Kind kind;
        if (c.startsWith("NotFound") || c.equals("ForbiddenFileInTheRecycleBin")) kind = Kind.NOT_FOUND;
        else if (c.startsWith("AlreadyExist")) kind = Kind.ALREADY_EXISTS;
        else if (c.equals("QuotaExhausted.Drive")) kind = Kind.QUOTA_EXCEEDED;
        else if (c.equals("TooManyRequests") || status == 429) kind = Kind.RATE_LIMITED;
        else if (ACCOUNT_BLOCKED.contains(c)) {
            LOG.warn("AliyunDrive refused access: {} {} ({}); the account or app authorisation needs attention", status, c, message);
            kind = Kind.UNAVAILABLE;
        } else kind = status >= 500 ? Kind.UNAVAILABLE : Kind.UPSTREAM;
        if (kind == Kind.RATE_LIMITED && retryAfter == null) retryAfter = Duration.ofSeconds(1);
        // a 5xx is the service's passing trouble: the client may try again shortly
        if (status >= 500 && retryAfter == null) retryAfter = SERVER_ERROR_RETRY;
        return new OpenApiException(kind, status, c, message == null ? "" : message, retryAfter);
    }

    /** A non-JSON error answer: a gateway in front of the API, not the API itself. */
    static OpenApiException fromGateway(int status, String body) {
        Kind kind = status >= 500 || status == 429 ? Kind.UNAVAILABLE : Kind.UPSTREAM;
        Duration retry = kind == Kind.UNAVAILABLE ? SERVER_ERROR_RETRY : null;
        return new OpenApiException(kind, status, "", "non-JSON answer from a gateway: " + Redact.abbreviate(body), retry);
    }
}

package org.alidav.aliyun;

import java.time.Duration;
import org.alidav.drive.DriveException;

/** An error answer of the Open API, keeping its {@code code} so callers can react to specific ones. */
final class OpenApiException extends DriveException {
    private final String code;
    private final int status;

    OpenApiException(Kind kind, int status, String code, String message, Duration retryAfter) {
        super(kind, status + " " + code + ": " + message, retryAfter, null);
        this.code = code;
        this.status = status;
    }

    /** The code of a 2xx answer without the JSON its call answers with (no body, or no {@code file_id}). */
    static final String BAD_ANSWER = "BadAnswer";

    /** The code of a call whose reused connection broke after it was sent and before any answer byte. */
    static final String SENT_UNANSWERED = "SentUnanswered";

    /**
     * True when the call's pooled connection broke under it before any answer (the server closed it,
     * usually as the request arrived): unlike a timeout, which leaves the server at work, a look now
     * tells whether it happened, and a resend is safe when it did not.
     */
    boolean sentUnanswered() {
        return SENT_UNANSWERED.equals(code);
    }

    /**
     * True when a write may have happened although it failed: a dropped connection, a 5xx, or a 2xx
     * whose body is missing or unreadable (the call was processed; what it did is unknown).
     */
    boolean mayHaveApplied() {
        return status == 0 || status >= 500 || BAD_ANSWER.equals(code);
    }

    /** True when {@code e} leaves open whether the write it answers happened. */
    static boolean uncertain(RuntimeException e) {
        return e instanceof OpenApiException o && o.mayHaveApplied();
    }

    boolean is(String apiCode) {
        return apiCode.equals(code);
    }
}

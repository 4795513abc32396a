package org.alidav.aliyun;

import java.time.Duration;

/**
 * A failed token refresh and what it means for the token chain. Only explicit answers are final
 * ({@link Verdict#TOKEN_DEAD}, {@link Verdict#APP_REFUSED}); everything else is transient and retried
 * with backoff.
 */
final class RefreshFailure extends Exception {
    /** What the failure says about the chain. */
    enum Verdict {
        /** 5xx, an HTML page, a timeout, an unknown code, a 2xx without a token: try again later. */
        TRANSIENT,
        /** The refresh token was refused for good (expired, invalid, authorisation revoked): log in again. */
        TOKEN_DEAD,
        /** The app's client_id/client_secret were refused: fix the config. */
        APP_REFUSED
    }

    final Verdict verdict;
    final Duration retryAfter;

    RefreshFailure(Verdict verdict, String message, Duration retryAfter) {
        super(Redact.abbreviate(message));
        this.verdict = verdict;
        this.retryAfter = retryAfter;
    }
}

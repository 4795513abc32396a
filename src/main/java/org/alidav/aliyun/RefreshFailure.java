package org.alidav.aliyun;

import java.time.Duration;

/**
 * A failed token refresh. {@code dead} means the refresh token (or the app credentials) will never
 * work again and only the user can fix it; otherwise the failure is transient (network, relay, 429).
 */
final class RefreshFailure extends Exception {
    final boolean dead;
    final Duration retryAfter;

    RefreshFailure(boolean dead, String message, Duration retryAfter) {
        super(Redact.abbreviate(message));
        this.dead = dead;
        this.retryAfter = retryAfter;
    }
}

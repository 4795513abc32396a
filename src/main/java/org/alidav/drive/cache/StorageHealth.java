package org.alidav.drive.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.alidav.drive.DriveException;
import org.alidav.drive.DriveException.Kind;
import org.alidav.drive.HealthReporter.TokenState;

/**
 * The last success and the last backend error of one storage. Answers about the client's request
 * (not found, already exists, conflict, bad name) say nothing about the backend and are not errors here.
 */
public final class StorageHealth {
    private static final Set<Kind> BACKEND_TROUBLE = EnumSet.of(Kind.RATE_LIMITED, Kind.UNAVAILABLE, Kind.UNAUTHORIZED,
            Kind.UPSTREAM, Kind.QUOTA_EXCEEDED);

    private final Clock clock;
    private volatile Instant lastSuccess;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile boolean failing;

    StorageHealth(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param token       the driver's credential state, or null when the driver has none
     * @param lastSuccess when a backend call last worked, or null
     * @param lastErrorAt when the last backend error happened, or null
     * @param lastError   its kind and message, or null
     * @param failing     true when the last backend call failed
     */
    public record Report(TokenState token, Instant lastSuccess, Instant lastErrorAt, String lastError, boolean failing) {
        /** "ok", "degraded" (the last call failed, or the token refresh is failing) or "down" (dead token). */
        public String status() {
            if (token == TokenState.DEAD) return "down";
            if (failing || token == TokenState.FAILING) return "degraded";
            return "ok";
        }
    }

    void succeeded() {
        lastSuccess = clock.instant();
        failing = false;
    }

    void failed(DriveException e) {
        if (!BACKEND_TROUBLE.contains(e.kind())) {
            succeeded();
            return;
        }
        lastErrorAt = clock.instant();
        lastError = e.kind() + ": " + e.getMessage();
        failing = true;
    }

    Report report(TokenState token) {
        return new Report(token, lastSuccess, lastErrorAt, lastError, failing);
    }
}

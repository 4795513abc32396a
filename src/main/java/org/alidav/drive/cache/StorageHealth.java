package org.alidav.drive.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.DriveException.Kind;
import org.alidav.drive.HealthReporter.TokenState;

/**
 * The last success and the last backend error of one storage. Answers about the client's request
 * (not found, already exists, conflict, bad name) say nothing about the backend and are not errors here.
 */
public final class StorageHealth {
    private static final Set<Kind> BACKEND_TROUBLE = EnumSet.of(Kind.RATE_LIMITED, Kind.UNAVAILABLE, Kind.NOT_LOGGED_IN,
            Kind.UPSTREAM, Kind.QUOTA_EXCEEDED);

    private final Clock clock;
    private volatile Instant lastSuccess;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile boolean failing;
    private volatile List<String> pending = List.of();

    StorageHealth(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param token       the driver's credential state, or null when the driver has none
     * @param lastSuccess when a backend call last worked, or null
     * @param lastErrorAt when the last backend error happened, or null
     * @param lastError   its kind and message, or null
     * @param failing     true when the last backend call failed
     * @param pending     interrupted or half-cleaned writes the last maintenance pass left, one line each
     * @param duplicates  paths held by more than one item, with how many older copies each
     */
    public record Report(TokenState token, Instant lastSuccess, Instant lastErrorAt, String lastError, boolean failing,
                         List<String> pending, Map<String, Integer> duplicates) {
        /**
         * "ok", "degraded" (the last call failed, or the token refresh is failing), "needs_login" (no
         * token yet) or "down" (dead token).
         */
        public String status() {
            if (token == TokenState.NEEDS_LOGIN) return "needs_login";
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

    /** What the last maintenance pass left to do. */
    void pending(List<String> left) {
        pending = List.copyOf(left);
    }

    Report report(TokenState token, Map<DrivePath, List<Entry>> duplicateNames) {
        Map<String, Integer> duplicates = new TreeMap<>();
        duplicateNames.forEach((path, older) -> duplicates.put(path.toString(), older.size()));
        return new Report(token, lastSuccess, lastErrorAt, lastError, failing, pending, duplicates);
    }
}
